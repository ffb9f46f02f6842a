package hcr.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation of each convolution's output (before its ReLU), a training-time device only:
 * training normalises by the batch's own statistics; validation and export use population
 * statistics measured over a fixed set of training images for the weights at hand ("precise BN",
 * so averaged weights get statistics of their own). Exported, it is folded into the convolution
 * ({@link #fold}), so the serving graph and the ONNX file keep the plain architecture.
 */
final class BatchNorm {
    static final float EPSILON = 1e-3f;
    static final List<String> LAYERS = List.of("conv1", "conv2");

    /** Per-channel mean and variance of each normalised layer's pre-activation. */
    record Statistics(Map<String, float[]> mean, Map<String, float[]> variance) {
    }

    private BatchNorm() {
    }

    /**
     * Population statistics from equal-sized batches: the mean of the batch means, and the variance
     * as E[x^2] - E[x]^2 over all of them (which, unlike the mean of batch variances, counts the
     * spread between batches).
     */
    static final class Accumulator {
        private final Map<String, double[]> sum = new LinkedHashMap<>();
        private final Map<String, double[]> sumOfSquares = new LinkedHashMap<>();
        private int batches;
        private String firstLayer;

        void add(String layer, float[] mean, float[] variance) {
            if (firstLayer == null) {
                firstLayer = layer;
            }
            if (layer.equals(firstLayer)) {
                batches++;
            }
            double[] s = sum.computeIfAbsent(layer, l -> new double[mean.length]);
            double[] q = sumOfSquares.computeIfAbsent(layer, l -> new double[mean.length]);
            for (int c = 0; c < mean.length; c++) {
                s[c] += mean[c];
                q[c] += variance[c] + (double) mean[c] * mean[c];
            }
        }

        Statistics statistics() {
            if (batches == 0) {
                throw new IllegalStateException("no batches measured");
            }
            Map<String, float[]> means = new LinkedHashMap<>();
            Map<String, float[]> variances = new LinkedHashMap<>();
            for (String layer : sum.keySet()) {
                double[] s = sum.get(layer);
                double[] q = sumOfSquares.get(layer);
                float[] m = new float[s.length];
                float[] v = new float[s.length];
                for (int c = 0; c < s.length; c++) {
                    double mean = s[c] / batches;
                    m[c] = (float) mean;
                    v[c] = (float) Math.max(0, q[c] / batches - mean * mean);
                }
                means.put(layer, m);
                variances.put(layer, v);
            }
            return new Statistics(means, variances);
        }
    }

    /** The trainable scale (gamma, initially 1) and offset (beta, initially 0) of each layer. */
    static List<Parameters.Slot> slots(NetworkSpec spec) {
        return List.of(
                new Parameters.Slot("conv1/gamma", new long[] {spec.conv1Filters()}),
                new Parameters.Slot("conv1/beta", new long[] {spec.conv1Filters()}),
                new Parameters.Slot("conv2/gamma", new long[] {spec.conv2Filters()}),
                new Parameters.Slot("conv2/beta", new long[] {spec.conv2Filters()}));
    }

    static float[] initial(Parameters.Slot slot) {
        float[] v = new float[slot.size()];
        if (slot.name().endsWith("/gamma")) {
            java.util.Arrays.fill(v, 1f);
        }
        return v;
    }

    /** Normalises a layer's pre-activation [N,H,W,C]; returns its normalised form. */
    interface Normaliser {
        Operand<TFloat32> apply(String layer, Operand<TFloat32> x);
    }

    /** The batch's mean and variance over N, H and W, as used in training. */
    record Moments(Operand<TFloat32> mean, Operand<TFloat32> variance) {
        static Moments of(Ops tf, Operand<TFloat32> x) {
            Operand<TFloat32> mean = tf.math.mean(x, tf.constant(new int[] {0, 1, 2}));
            Operand<TFloat32> variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)),
                    tf.constant(new int[] {0, 1, 2}));
            return new Moments(mean, variance);
        }
    }

    /** gamma * (x - mean) / sqrt(variance + eps) + beta. */
    static Operand<TFloat32> normalise(Ops tf, Operand<TFloat32> x, Operand<TFloat32> mean, Operand<TFloat32> variance,
                                       Operand<TFloat32> gamma, Operand<TFloat32> beta) {
        Operand<TFloat32> scale = tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON))));
        return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta);
    }

    /**
     * The serving weights: each convolution's kernel and bias absorb its normalisation,
     * w' = w * s and b' = (b - mean) * s + beta with s = gamma / sqrt(variance + eps), per output channel.
     */
    static Parameters fold(NetworkSpec spec, Parameters trained, Statistics statistics) {
        Map<String, float[]> serving = new LinkedHashMap<>();
        for (Parameters.Slot slot : Parameters.slots(spec)) {
            serving.put(slot.name(), trained.get(slot.name()).clone());
        }
        for (String layer : LAYERS) {
            float[] gamma = trained.get(layer + "/gamma");
            float[] beta = trained.get(layer + "/beta");
            float[] mean = statistics.mean().get(layer);
            float[] variance = statistics.variance().get(layer);
            float[] w = serving.get(layer + "/w");
            float[] b = serving.get(layer + "/b");
            int channels = b.length;
            float[] scale = new float[channels];
            for (int c = 0; c < channels; c++) {
                scale[c] = (float) (gamma[c] / Math.sqrt((double) variance[c] + EPSILON));
                b[c] = (b[c] - mean[c]) * scale[c] + beta[c];
            }
            // Kernels are [k, k, in, out]: the output channel is the fastest-varying index.
            for (int i = 0; i < w.length; i++) {
                w[i] *= scale[i % channels];
            }
        }
        return Parameters.of(serving);
    }
}
