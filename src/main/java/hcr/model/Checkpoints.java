package hcr.model;

import hcr.io.FileTrees;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * One checkpoint per completed epoch in {@code dir/epoch-NNNN}: every TF variable (weights and
 * Adam state), the best epoch's weights and the run's progress. Each is written into a temporary
 * directory and renamed into place, and older ones are deleted only afterwards, so a kill -9 at any
 * moment leaves the last complete checkpoint intact.
 */
final class Checkpoints {
    /** Progress after an epoch: enough to continue as if never interrupted. */
    record State(int epoch, int bestEpoch, double bestValidationLoss, int epochsWithoutImprovement,
                 double seconds, List<EpochMetrics> history) {
    }

    /** A loaded checkpoint: its progress, best weights and the variables prefix for {@link TrainingGraph#restore}. */
    record Saved(State state, Parameters best, Path variablesPrefix) {
    }

    private static final String PREFIX = "epoch-";
    private static final String WRITING = ".writing-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    Checkpoints(Path dir) {
        this.dir = dir;
    }

    void save(TrainingGraph graph, State state, Parameters best, NetworkSpec spec) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            deleteUnfinished();
            tmp = Files.createTempDirectory(dir, WRITING);
            graph.save(tmp.resolve("variables").resolve("variables"));
            writeParameters(tmp.resolve("best.bin"), best, spec);
            JSON.writeValue(tmp.resolve("state.json").toFile(), state);
            Path target = dir.resolve(String.format("%s%04d", PREFIX, state.epoch()));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteOlderThan(state.epoch());
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new TrainingException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
        } catch (TensorFlowException e) {
            // TF's saver reports a full disk or a vanished directory this way, with its node and hints below.
            deleteQuietly(tmp);
            throw new TrainingException("cannot write checkpoint in " + dir + ": " + e.getMessage().lines().findFirst()
                    .orElse(e.getClass().getSimpleName()), e);
        }
    }

    /** Frees what an unfinished checkpoint took (a full disk is the likely reason it is unfinished). */
    private static void deleteQuietly(Path unfinished) {
        try {
            if (unfinished != null) {
                FileTrees.deleteTree(unfinished);
            }
        } catch (IOException ignored) {
            // the next save deletes unfinished checkpoints again
        }
    }

    Optional<Saved> latest(NetworkSpec spec) {
        Optional<Path> last = epochDirs().max(Comparator.naturalOrder());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Path epochDir = last.get();
        try {
            State state = JSON.readValue(epochDir.resolve("state.json").toFile(), State.class);
            return Optional.of(new Saved(state, readParameters(epochDir.resolve("best.bin"), spec),
                    epochDir.resolve("variables").resolve("variables")));
        } catch (IOException e) {
            throw new TrainingException("checkpoint " + epochDir + " is unreadable: " + e.getMessage(), e);
        }
    }

    private Stream<Path> epochDirs() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leftovers of a process killed while writing a checkpoint: never complete, never read. */
    private void deleteUnfinished() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().startsWith(WRITING)).toList()) {
                FileTrees.deleteTree(p);
            }
        }
    }

    private void deleteOlderThan(int epoch) throws IOException {
        for (Path old : epochDirs().toList()) {
            String name = old.getFileName().toString();
            if (Integer.parseInt(name.substring(PREFIX.length())) < epoch) {
                // Renamed first: a kill part way through the delete must not leave a half checkpoint
                // under a checkpoint's name. An unfinished delete is cleaned up like an unfinished write.
                Path doomed = dir.resolve(WRITING + name);
                Files.move(old, doomed, StandardCopyOption.ATOMIC_MOVE);
                FileTrees.deleteTree(doomed);
            }
        }
    }

    private static void writeParameters(Path file, Parameters parameters, NetworkSpec spec) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Parameters.Slot slot : Parameters.slots(spec)) {
                for (float v : parameters.get(slot.name())) {
                    out.writeFloat(v);
                }
            }
        }
    }

    private static Parameters readParameters(Path file, NetworkSpec spec) throws IOException {
        Map<String, float[]> values = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            for (Parameters.Slot slot : Parameters.slots(spec)) {
                float[] v = new float[slot.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = in.readFloat();
                }
                values.put(slot.name(), v);
            }
        }
        return Parameters.of(values);
    }
}
