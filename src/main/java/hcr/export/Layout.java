package hcr.export;

/**
 * How a converted tensor's elements are arranged in ONNX compared with the TF tensor it stands for.
 * The converter keeps images in NCHW after one Transpose at the input, so it must remember which
 * tensors are reordered and fold that order into the weights that consume them.
 */
sealed interface Layout {
    /** Same element order as in TF. */
    record Plain() implements Layout {
    }

    /** A TF NHWC tensor held as NCHW. */
    record Nchw() implements Layout {
    }

    /** A TF flatten of an NHWC [h,w,c] tensor, held as the flatten of its NCHW form (order c,h,w). */
    record FlattenedChw(int height, int width, int channels) implements Layout {
    }

    Layout PLAIN = new Plain();
    Layout NCHW = new Nchw();
}
