package hcr.export;

import java.util.Arrays;

/**
 * A dense float32 tensor, row-major, with the re-orderings the NHWC → NCHW conversion folds into
 * weights so that ONNX needs no extra Transpose nodes.
 */
record FloatTensor(long[] shape, float[] values) {

    FloatTensor {
        if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
        }
    }

    int rank() {
        return shape.length;
    }

    /** Conv2D filters from TF's [height, width, in, out] to ONNX's [out, in, height, width]. */
    FloatTensor hwioToOihw() {
        requireRank(4);
        int kh = (int) shape[0], kw = (int) shape[1], in = (int) shape[2], out = (int) shape[3];
        float[] oihw = new float[values.length];
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        oihw[((o * in + i) * kh + h) * kw + w] = values[((h * kw + w) * in + i) * out + o];
                    }
                }
            }
        }
        return new FloatTensor(new long[] {out, in, kh, kw}, oihw);
    }

    /**
     * Re-orders the first axis from a TF flatten of [h,w,c] (index (y*w + x)*c + ch) to the flatten
     * of the same image in NCHW (index (ch*h + y)*w + x), so a dense layer applied after an NCHW
     * flatten computes what TF computes after its NHWC flatten.
     */
    FloatTensor rowsFromHwcToChw(int height, int width, int channels) {
        int rows = height * width * channels;
        if (shape[0] != rows) {
            throw new IllegalArgumentException("expected " + rows + " rows, got " + shape[0]);
        }
        int rowLength = values.length / rows;
        float[] permuted = new float[values.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int ch = 0; ch < channels; ch++) {
                    int tfRow = (y * width + x) * channels + ch;
                    int onnxRow = (ch * height + y) * width + x;
                    System.arraycopy(values, tfRow * rowLength, permuted, onnxRow * rowLength, rowLength);
                }
            }
        }
        return new FloatTensor(shape.clone(), permuted);
    }

    FloatTensor transposed2d() {
        requireRank(2);
        int rows = (int) shape[0], cols = (int) shape[1];
        float[] t = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = values[r * cols + c];
            }
        }
        return new FloatTensor(new long[] {cols, rows}, t);
    }

    FloatTensor reshaped(long... newShape) {
        return new FloatTensor(newShape, values);
    }

    private void requireRank(int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("expected rank " + rank + ", got shape " + Arrays.toString(shape));
        }
    }
}
