package hcr.model;

import hcr.image.EmnistTensor;

/**
 * The shape of the network: two convolution layers, each followed by 2x2 max pooling, then two
 * ReLU dense layers and a softmax over the classes. Everything measurable is a parameter here, so
 * architecture search is a matter of command-line flags.
 *
 * @param conv1Filters filters of the first convolution
 * @param conv2Filters filters of the second convolution
 * @param kernel       square kernel side of both convolutions
 * @param padding      "SAME" (keeps 28x28 before pooling) or "VALID"
 * @param dense1       units of the first dense layer
 * @param dense2       units of the second dense layer
 * @param dropout      fraction of dense activations dropped in training (0 = none); never in inference
 * @param classes      outputs (62 for ByClass)
 */
public record NetworkSpec(int conv1Filters, int conv2Filters, int kernel, String padding,
                          int dense1, int dense2, float dropout, int classes) {

    public NetworkSpec {
        if (conv1Filters <= 0 || conv2Filters <= 0 || kernel <= 0 || dense1 <= 0 || dense2 <= 0 || classes <= 1) {
            throw new IllegalArgumentException("layer sizes must be positive: " + this);
        }
        if (!padding.equals("SAME") && !padding.equals("VALID")) {
            throw new IllegalArgumentException("padding must be SAME or VALID, not " + padding);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0,1): " + dropout);
        }
        if (flattenedSide(kernel, padding) <= 0) {
            throw new IllegalArgumentException("kernel " + kernel + " leaves nothing of a 28x28 image with VALID padding");
        }
    }

    /** Side of the feature map after conv, pool, conv, pool. */
    public int flattenedSide() {
        return flattenedSide(kernel, padding);
    }

    private static int flattenedSide(int kernel, String padding) {
        int side = EmnistTensor.SIDE;
        for (int layer = 0; layer < 2; layer++) {
            side = padding.equals("SAME") ? side : side - kernel + 1;
            side = side / 2;
        }
        return side;
    }

    /** Inputs to the first dense layer. */
    public int flattened() {
        return flattenedSide() * flattenedSide() * conv2Filters;
    }
}
