package hcr.export;

import hcr.data.LabelMap;
import hcr.runtime.ModelCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A small CNN in hcr's SavedModel layout, built with TF Ops for the exporter's tests: two conv/pool
 * blocks (SAME and VALID padding, an odd SAME pool window for asymmetric pads), a hidden dense
 * layer and a softmax, with weights in variables like the trainer's. Weights are seeded random, so TF's own output is the reference.
 */
public final class CnnSavedModel {
    static final int CLASSES = 62;

    private final Ops tf;
    private final Random random = new Random(42);

    private CnnSavedModel(Ops tf) {
        this.tf = tf;
    }

    /** hcr's contract: input [N,28,28,1], 62 classes. */
    public static Path write(Path dir) {
        return write(dir, 28, false, CLASSES);
    }

    /**
     * @param side      the input images' height and width
     * @param withTanh  use Tanh (which the converter does not translate) after the first conv
     * @param cardClasses how many labels the model card lists
     */
    public static Path write(Path dir, int side, boolean withTanh, int cardClasses) {
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            CnnSavedModel net = new CnnSavedModel(tf);
            Placeholder<TFloat32> image = tf.withName("image").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, side, side, 1)));
            Operand<TFloat32> probabilities = net.network(image, side, withTanh);
            session.initialize();
            Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                    .input(ModelCard.INPUT, image).output(ModelCard.OUTPUT, probabilities).build();
            SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        card(cardClasses).write(dir.resolve(ModelCard.FILE_NAME));
        return dir;
    }

    static ModelCard card(int classes) {
        List<String> labels = LabelMap.byClass().characters().subList(0, Math.min(classes, 62));
        return new ModelCard("cnn-test", "0", labels, ModelCard.INPUT, ModelCard.OUTPUT,
                ModelCard.PREPROCESSING, Map.of(), Map.of());
    }

    private Operand<TFloat32> network(Operand<TFloat32> image, int side, boolean withTanh) {
        Operand<TFloat32> conv1 = tf.nn.biasAdd(conv(image, 3, 1, 4, "SAME"), variable(0.1f, 4));
        Operand<TFloat32> act1 = withTanh ? tf.math.tanh(conv1) : tf.nn.relu(conv1);
        Operand<TFloat32> pool1 = pool(act1, 2, 2, "VALID");                      // side/2
        Operand<TFloat32> conv2 = tf.nn.biasAdd(conv(pool1, 3, 4, 8, "VALID"), variable(0.1f, 8));
        Operand<TFloat32> pool2 = pool(tf.nn.relu(conv2), 3, 2, "SAME");          // ceil((side/2-2)/2)
        int h = (side / 2 - 2 + 1) / 2;
        int flat = h * h * 8;
        Operand<TFloat32> x = tf.reshape(pool2, tf.constant(new long[] {-1, flat}));
        Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(tf.linalg.matMul(x, variable(fanIn(flat), flat, 32)), variable(0.1f, 32)));
        Operand<TFloat32> logits = tf.math.add(tf.linalg.matMul(hidden, variable(fanIn(32), 32, CLASSES)), variable(0.1f, CLASSES));
        return tf.nn.softmax(logits);
    }

    private Operand<TFloat32> conv(Operand<TFloat32> x, int k, int in, int out, String padding) {
        return tf.nn.conv2d(x, variable(fanIn(k * k * in), k, k, in, out), List.of(1L, 1L, 1L, 1L), padding);
    }

    private Operand<TFloat32> pool(Operand<TFloat32> x, int k, int stride, String padding) {
        return tf.nn.maxPool(x, tf.constant(new int[] {1, k, k, 1}), tf.constant(new int[] {1, stride, stride, 1}), padding);
    }

    private static float fanIn(int n) {
        return (float) Math.sqrt(2.0 / n);
    }

    /**
     * A variable holding seeded Gaussian values times {@code scale}. TF Java's saver stores only
     * VariableV2 variables (what {@code tf.variable} makes), so the trainer's weights are those too.
     */
    private Operand<TFloat32> variable(float scale, long... dims) {
        Shape shape = Shape.of(dims);
        float[] values = new float[(int) shape.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian() * scale;
        }
        return tf.withInitScope().variable(tf.constant(shape, DataBuffers.of(values, false, false)));
    }
}
