package hcr.export;

/** What a TF tensor became during conversion: a tensor computed by ONNX nodes, or a constant. */
sealed interface Value {

    /**
     * A tensor computed from the model's input.
     *
     * @param name    its name in the ONNX graph
     * @param layout  how its elements are ordered relative to TF
     * @param tfShape the TF tensor's static shape (-1 where unknown), in TF's own (NHWC) order
     */
    record Activation(String name, Layout layout, long[] tfShape) implements Value {
        int rank() {
            return tfShape.length;
        }
    }

    /** A float32 value known at export time (a variable's value or a Const). */
    record FloatConstant(FloatTensor tensor) implements Value {
    }

    /** An integer value known at export time (e.g. a Reshape's target shape). */
    record IntConstant(long[] values) implements Value {
    }
}
