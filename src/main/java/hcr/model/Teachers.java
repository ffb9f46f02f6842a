package hcr.model;

import hcr.runtime.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Trained models whose averaged class probabilities, on the very images of each training step, are
 * the soft targets of knowledge distillation. Each is a SavedModel written by {@code hcr train} or
 * {@code hcr export} (image → probabilities), run in its own session; inference is deterministic, so
 * a resumed run sees the same targets.
 */
final class Teachers implements AutoCloseable {
    private final List<SavedModelBundle> models = new ArrayList<>();

    Teachers(List<Path> dirs, int threads) {
        try {
            for (Path dir : dirs) {
                if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
                    throw new TrainingException("teacher " + dir + " is not a SavedModel directory (no saved_model.pb)");
                }
                models.add(SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG)
                        .withConfigProto(TrainingGraph.config(threads)).load());
            }
        } catch (TensorFlowException e) {
            close();
            throw new TrainingException("cannot load teacher: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    boolean isEmpty() {
        return models.isEmpty();
    }

    /** The teachers' mean probabilities [n, classes] for the batch's images; the caller closes the tensor. */
    TFloat32 probabilities(Batch batch) {
        float[] sum = null;
        for (SavedModelBundle model : models) {
            try (Result result = model.session().runner().feed(ModelCard.INPUT, batch.images())
                    .fetch(ModelCard.OUTPUT).run()) {
                TFloat32 p = (TFloat32) result.get(0);
                float[] values = new float[Math.toIntExact(p.shape().size())];
                p.copyTo(DataBuffers.of(values, false, false));
                if (sum == null) {
                    sum = values;
                } else {
                    for (int i = 0; i < sum.length; i++) {
                        sum[i] += values[i];
                    }
                }
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= models.size();
        }
        return TFloat32.tensorOf(Shape.of(batch.capacity(), sum.length / batch.capacity()), DataBuffers.of(sum, true, false));
    }

    @Override
    public void close() {
        models.forEach(SavedModelBundle::close);
        models.clear();
    }
}
