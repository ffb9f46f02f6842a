package hcr.model;

import java.util.List;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The forward pass, shared by the training graph (weights are variables, dropout on) and the
 * inference graph (weights are constants, no dropout), so both compute the same function.
 */
final class Network {
    /** Dropout inputs of the training graph: the rate to drop and a per-step stateless RNG seed. */
    record Dropout(Operand<TFloat32> rate, Operand<TInt64> seed) {
    }

    private static final List<Long> UNIT_STRIDES = List.of(1L, 1L, 1L, 1L);

    private final NetworkSpec spec;
    private final Ops tf;

    Network(NetworkSpec spec, Ops tf) {
        this.spec = spec;
        this.tf = tf;
    }

    /** Logits [N, classes] for images [N,28,28,1]; {@code dropout} null builds no dropout ops. */
    Operand<TFloat32> logits(Operand<TFloat32> images, Function<String, Operand<TFloat32>> weights, Dropout dropout) {
        return logits(images, weights, dropout, null);
    }

    /** As above, with each convolution's output normalised before its ReLU unless {@code norm} is null. */
    Operand<TFloat32> logits(Operand<TFloat32> images, Function<String, Operand<TFloat32>> weights, Dropout dropout,
                             BatchNorm.Normaliser norm) {
        Operand<TFloat32> x = convolution(images, weights, "conv1", norm);
        x = convolution(x, weights, "conv2", norm);
        x = tf.reshape(x, tf.constant(new long[] {-1, spec.flattened()}));
        x = dropped(dense(x, weights, "dense1"), dropout, 1);
        x = dropped(dense(x, weights, "dense2"), dropout, 2);
        return tf.nn.biasAdd(tf.linalg.matMul(x, weights.apply("logits/w")), weights.apply("logits/b"));
    }

    private Operand<TFloat32> convolution(Operand<TFloat32> x, Function<String, Operand<TFloat32>> weights, String layer,
                                          BatchNorm.Normaliser norm) {
        Operand<TFloat32> conv = tf.nn.conv2d(x, weights.apply(layer + "/w"), UNIT_STRIDES, spec.padding());
        Operand<TFloat32> pre = tf.nn.biasAdd(conv, weights.apply(layer + "/b"));
        return maxPool2x2(tf.nn.relu(norm == null ? pre : norm.apply(layer, pre)));
    }

    private Operand<TFloat32> dense(Operand<TFloat32> x, Function<String, Operand<TFloat32>> weights, String layer) {
        return tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, weights.apply(layer + "/w")), weights.apply(layer + "/b")));
    }

    /**
     * Classic MaxPool with ksize/strides as attributes: tf.nn.maxPool builds MaxPoolV2 (sizes as
     * tensor inputs), which the ONNX converter does not take.
     */
    private Operand<TFloat32> maxPool2x2(Operand<TFloat32> x) {
        Graph graph = (Graph) tf.scope().env();
        return graph.opBuilder("MaxPool", tf.scope().makeOpName("MaxPool"), tf.scope())
                .addInput(x.asOutput())
                .setAttr("ksize", new long[] {1, 2, 2, 1})
                .setAttr("strides", new long[] {1, 2, 2, 1})
                .setAttr("padding", "VALID")
                .build()
                .<TFloat32>output(0);
    }

    /** Inverted dropout from a stateless RNG, so a step's mask depends only on its fed seed. */
    private Operand<TFloat32> dropped(Operand<TFloat32> x, Dropout dropout, long layer) {
        if (dropout == null) {
            return x;
        }
        Operand<TInt64> seed = tf.math.add(dropout.seed(), tf.constant(new long[] {0, layer}));
        Operand<TFloat32> uniform = tf.random.statelessRandomUniform(tf.shape(x), seed);
        Operand<TFloat32> keep = tf.math.sub(tf.constant(1f), dropout.rate());
        Operand<TFloat32> mask = tf.math.floor(tf.math.add(uniform, keep));
        return tf.math.div(tf.math.mul(x, mask), keep);
    }
}
