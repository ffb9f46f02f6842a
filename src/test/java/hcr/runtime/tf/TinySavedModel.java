package hcr.runtime.tf;

import hcr.image.EmnistTensor;
import hcr.runtime.LinearSoftmax;
import hcr.runtime.ModelCard;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A one-layer softmax SavedModel built with TF Ops for tests: fixed, known weights, so the
 * expected probabilities can be computed in plain Java ({@link #expected}).
 */
public final class TinySavedModel {
    private TinySavedModel() {
    }

    static float weight(int pixel, int label) {
        return (float) Math.sin(pixel * 7 + label * 3) * 0.05f;
    }

    /** A model with hcr's input contract and {@code classes} outputs, plus a card with {@code cardLabels}. */
    public static Path write(Path dir, int classes, List<String> cardLabels) {
        return write(dir, Shape.of(-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1), classes, cardLabels);
    }

    public static Path write(Path dir, Shape inputShape, int classes, List<String> cardLabels) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> image = tf.placeholder(TFloat32.class, Placeholder.shape(inputShape));
            Operand<TFloat32> flat = tf.reshape(image, tf.constant(new long[] {-1, EmnistTensor.PIXELS}));
            float[][] w = new float[EmnistTensor.PIXELS][classes];
            for (int p = 0; p < EmnistTensor.PIXELS; p++) {
                for (int c = 0; c < classes; c++) {
                    w[p][c] = weight(p, c);
                }
            }
            Operand<TFloat32> probabilities = tf.nn.softmax(tf.linalg.matMul(flat, tf.constant(w)));
            Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                    .input(ModelCard.INPUT, image).output(ModelCard.OUTPUT, probabilities).build();
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        card(cardLabels).write(dir.resolve(ModelCard.FILE_NAME));
        return dir;
    }

    public static ModelCard card(List<String> labels) {
        return new ModelCard("tiny-test", "0", labels, ModelCard.INPUT, ModelCard.OUTPUT,
                ModelCard.PREPROCESSING, Map.of(), Map.of());
    }

    public static List<String> labels(int n) {
        return IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
    }

    /** Softmax of image·W, computed in Java. */
    static float[] expected(float[] image, int classes) {
        return LinearSoftmax.probabilities(image, classes, TinySavedModel::weight);
    }
}
