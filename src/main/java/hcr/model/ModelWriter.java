package hcr.model;

import hcr.io.FileTrees;

import hcr.runtime.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * Writes a model directory (SavedModel + {@value ModelCard#FILE_NAME}) atomically: everything goes
 * into a temporary directory beside the target, which is then renamed into place, so a crash never
 * leaves a half-written model where the last good one stood.
 */
public final class ModelWriter {
    private ModelWriter() {
    }

    /** Refuses an existing {@code target} unless {@code replace}. */
    public static void write(Path target, NetworkSpec spec, Parameters parameters, ModelCard card, boolean replace) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !replace) {
            throw new TrainingException("output " + target + " exists (use --force to replace it)");
        }
        Path parent = absolute.getParent();
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".writing-");
            Path model = staging.resolve("model");
            try (InferenceGraph graph = new InferenceGraph(spec, parameters)) {
                graph.exportTo(model);
            }
            Path cardFile = model.resolve(ModelCard.FILE_NAME);
            card.write(cardFile);
            FileTrees.replace(model, absolute);
        } catch (IOException e) {
            throw new TrainingException("cannot write model " + target + ": " + e.getMessage(), e);
        } catch (TensorFlowException e) {
            throw new TrainingException("cannot write model " + target + ": " + e.getMessage().lines().findFirst()
                    .orElse(e.getClass().getSimpleName()), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                FileTrees.deleteTree(dir);
            } catch (IOException e) {
                // A leftover hidden temporary directory is harmless; the model itself is complete.
            }
        }
    }
}
