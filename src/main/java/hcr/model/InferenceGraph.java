package hcr.model;

import hcr.image.EmnistTensor;
import hcr.runtime.ModelCard;
import java.io.IOException;
import java.nio.file.Path;
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
 * The serving graph: the trained weights as constants and only Placeholder, Const, Conv2D, BiasAdd,
 * Relu, MaxPool, Reshape, MatMul, Softmax and Identity ops, with no dropout and no optimiser state.
 * It is what the SavedModel holds and what the ONNX converter translates.
 */
public final class InferenceGraph implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> image;
    private final Operand<TFloat32> probabilities;

    public InferenceGraph(NetworkSpec spec, Parameters parameters) {
        Ops tf = Ops.create(graph);
        image = tf.withName(ModelCard.INPUT).placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1)));
        java.util.Map<String, Operand<TFloat32>> weights = new java.util.HashMap<>();
        for (Parameters.Slot slot : Parameters.slots(spec)) {
            weights.put(slot.name(), tf.withName(slot.name().replace('/', '_')).constant(
                    Shape.of(slot.shape()), DataBuffers.of(parameters.get(slot.name()), true, false)));
        }
        Operand<TFloat32> logits = new Network(spec, tf).logits(image, weights::get, null);
        probabilities = tf.withName(ModelCard.OUTPUT).identity(tf.nn.softmax(logits));
        session = new Session(graph);
    }

    /** Class probabilities [n, classes] for {@code n} images laid out as [n,28,28,1]. */
    public float[] probabilities(float[] pixels, int n) {
        try (TFloat32 input = TFloat32.tensorOf(Shape.of(n, EmnistTensor.SIDE, EmnistTensor.SIDE, 1),
                DataBuffers.of(pixels, true, false));
             TFloat32 out = (TFloat32) session.runner().feed(image, input).fetch(probabilities).run().get(0)) {
            float[] result = new float[Math.toIntExact(out.shape().size())];
            out.copyTo(DataBuffers.of(result, false, false));
            return result;
        }
    }

    /** Writes the SavedModel (tag "serve", signature serving_default: image → probabilities) into {@code dir}. */
    void exportTo(Path dir) throws IOException {
        Signature signature = Signature.builder().key(Signature.DEFAULT_KEY)
                .input(ModelCard.INPUT, image).output(ModelCard.OUTPUT, probabilities).build();
        SavedModelBundle.exporter(dir.toString()).withFunction(SessionFunction.create(signature, session)).export();
    }

    Graph graph() {
        return graph;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
