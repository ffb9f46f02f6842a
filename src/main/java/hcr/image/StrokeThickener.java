package hcr.image;

/**
 * Brings thin pens up to EMNIST's stroke width. EMNIST strokes are about 3.2 px wide in the 28x28
 * frame (median; 10th percentile 2.4, measured as 2 x area / boundary at half intensity); a
 * ballpoint line photographed large shrinks to a faint 1 px hairline, which the network has never
 * seen. Such strokes are dilated (a square max filter) in the source picture and shrunk again.
 * The width is measured on the finished 28x28 frame, where ragged or textured edges of a photo no
 * longer inflate the boundary.
 * Not thread-safe: it reuses its buffers.
 */
final class StrokeThickener {
    /** Strokes thinner than this in the output frame get thickened ... */
    static final double THIN = 2.4;
    /** ... to this width. */
    static final double TARGET = 3.0;

    private float[] scratch = new float[0];

    /**
     * The dilation radius, in source pixels, that brings strokes measured {@code width} pixels
     * wide in the 28x28 frame up to {@link #TARGET}; 0 if they are wide enough already.
     *
     * @param sourcePerOutput source pixels per output pixel
     */
    static int radiusFor(double width, double sourcePerOutput) {
        if (width >= THIN) {
            return 0;
        }
        return (int) Math.round((TARGET - width) / 2 * sourcePerOutput);
    }

    /**
     * Stroke width in the 28x28 frame, measured the way the EMNIST figures above were: twice the
     * area over the boundary length of the pixels at half intensity or more.
     */
    static double strokeWidth(float[] frame, int offset) {
        int side = EmnistTensor.SIDE;
        int area = 0;
        int boundary = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (solid(frame, offset, x, y)) {
                    area++;
                    if (!solid(frame, offset, x - 1, y) || !solid(frame, offset, x + 1, y)
                            || !solid(frame, offset, x, y - 1) || !solid(frame, offset, x, y + 1)) {
                        boundary++;
                    }
                }
            }
        }
        return boundary == 0 ? 0 : 2.0 * area / boundary;
    }

    private static boolean solid(float[] frame, int offset, int x, int y) {
        int side = EmnistTensor.SIDE;
        return x >= 0 && y >= 0 && x < side && y < side && frame[offset + y * side + x] >= 0.5f;
    }

    /**
     * Separable square max filter of the given radius, in place. Both passes sweep whole rows, one
     * shift of the window at a time: contiguous loops the JIT can vectorise, and no column walks
     * across the picture. The maximum does not depend on the order it is taken in.
     */
    void dilate(float[] ink, int w, int h, int r) {
        scratch = Buffers.atLeast(scratch, w * h);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            java.util.Arrays.fill(scratch, row, row + w, 0f);
            for (int d = -r; d <= r; d++) {
                for (int x = Math.max(0, -d), end = Math.min(w, w - d); x < end; x++) {
                    scratch[row + x] = Math.max(scratch[row + x], ink[row + x + d]);
                }
            }
        }
        java.util.Arrays.fill(ink, 0, w * h, 0f);
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int k = Math.max(0, y - r), end = Math.min(h - 1, y + r); k <= end; k++) {
                int from = k * w;
                for (int x = 0; x < w; x++) {
                    ink[row + x] = Math.max(ink[row + x], scratch[from + x]);
                }
            }
        }
    }
}
