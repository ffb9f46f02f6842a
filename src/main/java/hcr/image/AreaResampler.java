package hcr.image;

/**
 * Resamples a square window of the ink map to {@code side x side} by exact area averaging: every
 * output pixel is the mean of the source area it covers, fractional pixels weighted by their
 * overlap. That is the proper low-pass for shrinking (no aliasing, unlike nearest neighbour), and
 * it treats everything outside the source picture as paper. Not thread-safe: it reuses its buffers.
 */
final class AreaResampler {
    private float[] rows = new float[0];

    /**
     * @param originX left edge of the window in source pixels (may be fractional or negative)
     * @param length  side of the window in source pixels
     */
    void resample(float[] ink, int w, int h, double originX, double originY, double length,
                  int side, float[] out, int outOffset, int outStride) {
        double step = length / side;
        int firstRow = Math.max(0, (int) Math.floor(originY));
        int lastRow = Math.min(h, (int) Math.ceil(originY + length));
        int rowCount = Math.max(0, lastRow - firstRow);
        rows = Buffers.atLeast(rows, Math.max(1, rowCount) * side);

        for (int r = 0; r < rowCount; r++) {
            int y = firstRow + r;
            for (int i = 0; i < side; i++) {
                rows[r * side + i] = (float) (integrate(ink, y * w, 1, w, originX + i * step, step) / step);
            }
        }
        for (int j = 0; j < side; j++) {
            for (int i = 0; i < side; i++) {
                double from = originY + j * step - firstRow;
                out[outOffset + j * outStride + i] = (float) (integrate(rows, i, side, rowCount, from, step) / step);
            }
        }
    }

    /** Integral of the samples {@code data[base + k * stride]}, k in [0, count), over [from, from + width). */
    private static double integrate(float[] data, int base, int stride, int count, double from, double width) {
        double to = from + width;
        int k0 = Math.max(0, (int) Math.floor(from));
        int k1 = Math.min(count, (int) Math.ceil(to));
        double sum = 0;
        for (int k = k0; k < k1; k++) {
            double overlap = Math.min(k + 1, to) - Math.max(k, from);
            if (overlap > 0) {
                sum += data[base + k * stride] * overlap;
            }
        }
        return sum;
    }
}
