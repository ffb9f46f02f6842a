package hcr.runtime;

/** The reference the backend tests score against: softmax(image · W), computed in plain Java. */
public final class LinearSoftmax {
    /** W[pixel][label]. */
    public interface Weights {
        float of(int pixel, int label);
    }

    private LinearSoftmax() {
    }

    public static float[] probabilities(float[] image, int classes, Weights weights) {
        double[] logits = new double[classes];
        for (int c = 0; c < classes; c++) {
            for (int p = 0; p < image.length; p++) {
                logits[c] += image[p] * weights.of(p, c);
            }
        }
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        float[] out = new float[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = (float) (logits[c] / sum);
        }
        return out;
    }
}
