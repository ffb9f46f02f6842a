package hcr.export;

/**
 * TF's "SAME"/"VALID" padding as ONNX's explicit pads [top, left, bottom, right]. TF puts the odd
 * pixel of SAME padding at the end, which explicit pads state exactly (no auto_pad guesswork in
 * other runtimes).
 */
final class TfPadding {
    private TfPadding() {
    }

    /**
     * @param padding  TF's padding attribute
     * @param input    input height and width
     * @param kernel   kernel height and width
     * @param strides  strides along height and width
     * @param dilation dilations along height and width
     */
    static long[] onnxPads(String padding, long[] input, long[] kernel, long[] strides, long[] dilation) {
        return switch (padding) {
            case "VALID" -> new long[] {0, 0, 0, 0};
            case "SAME" -> {
                long[] pads = new long[4];
                for (int axis = 0; axis < 2; axis++) {
                    long out = (input[axis] + strides[axis] - 1) / strides[axis];
                    long span = (kernel[axis] - 1) * dilation[axis] + 1;
                    long total = Math.max((out - 1) * strides[axis] + span - input[axis], 0);
                    pads[axis] = total / 2;
                    pads[axis + 2] = total - total / 2;
                }
                yield pads;
            }
            default -> throw new ExportException("TF padding '" + padding + "' has no ONNX translation");
        };
    }
}
