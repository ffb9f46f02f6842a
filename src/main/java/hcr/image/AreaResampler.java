package hcr.image;

import java.util.Arrays;

/**
 * Resamples a square window of the ink map to {@code side x side} by exact area averaging: every
 * output pixel is the mean of the source area it covers, fractional pixels weighted by their
 * overlap. That is the proper low-pass for shrinking (no aliasing, unlike nearest neighbour), and
 * it treats everything outside the source picture as paper. Not thread-safe: it reuses its buffers.
 *
 * <p>Both passes share one grid of overlaps, so the weights are worked out once per picture, not
 * once per source row or column.
 */
final class AreaResampler {
    private float[] rows = new float[0];
    private double[] sums = new double[0];
    private final Overlaps columns = new Overlaps();
    private final Overlaps lines = new Overlaps();

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
        columns.measure(originX, 0, step, side, w);
        lines.measure(originY, firstRow, step, side, rowCount);

        // Four source rows at a time: each output pixel's sum is one chain of dependent additions, and
        // four independent chains keep the floating-point unit busy where one would wait on each add.
        int r = 0;
        for (; r + 3 < rowCount; r += 4) {
            shrinkFourRows(ink, (firstRow + r) * w, w, side, step, r * side);
        }
        for (; r < rowCount; r++) {
            int base = (firstRow + r) * w;
            for (int i = 0; i < side; i++) {
                double sum = 0;
                for (int t = columns.first(i), k = base + columns.from[i], end = columns.first(i + 1); t < end; t++, k++) {
                    sum += ink[k] * columns.weight[t];
                }
                rows[r * side + i] = (float) (sum / step);
            }
        }
        // Row after row of the intermediate image, so the inner loop runs along contiguous memory; every
        // output pixel still adds its terms in the same order.
        sums = Buffers.atLeast(sums, side);
        for (int j = 0; j < side; j++) {
            Arrays.fill(sums, 0, side, 0);
            for (int t = lines.first(j), k = lines.from[j], end = lines.first(j + 1); t < end; t++, k++) {
                double weight = lines.weight[t];
                for (int i = 0, at = k * side; i < side; i++, at++) {
                    sums[i] += rows[at] * weight;
                }
            }
            for (int i = 0; i < side; i++) {
                out[outOffset + j * outStride + i] = (float) (sums[i] / step);
            }
        }
    }

    /** The horizontal pass for the four source rows from {@code base}, into {@link #rows} from {@code at}. */
    private void shrinkFourRows(float[] ink, int base, int w, int side, double step, int at) {
        double[] weight = columns.weight;
        for (int i = 0; i < side; i++) {
            double sum0 = 0;
            double sum1 = 0;
            double sum2 = 0;
            double sum3 = 0;
            for (int t = columns.first(i), k = base + columns.from[i], end = columns.first(i + 1); t < end; t++, k++) {
                double overlap = weight[t];
                sum0 += ink[k] * overlap;
                sum1 += ink[k + w] * overlap;
                sum2 += ink[k + 2 * w] * overlap;
                sum3 += ink[k + 3 * w] * overlap;
            }
            rows[at + i] = (float) (sum0 / step);
            rows[at + side + i] = (float) (sum1 / step);
            rows[at + 2 * side + i] = (float) (sum2 / step);
            rows[at + 3 * side + i] = (float) (sum3 / step);
        }
    }

    /**
     * For each of {@code side} output cells of width {@code step} starting at {@code origin}, the
     * source samples in [0, count) it covers and how much of each, as consecutive weights. Sample 0
     * sits at {@code shift}.
     */
    private static final class Overlaps {
        /** First sample covered by each cell. */
        int[] from = new int[0];
        /** Where each cell's weights start in {@link #weight}; one extra entry marks the end. */
        private int[] firstWeight = new int[1];
        double[] weight = new double[0];

        int first(int cell) {
            return firstWeight[cell];
        }

        void measure(double origin, int shift, double step, int side, int count) {
            from = Buffers.atLeast(from, side);
            firstWeight = Buffers.atLeast(firstWeight, side + 1);
            // A cell of width step overlaps at most ceil(step) + 1 samples; one more allows for rounding.
            weight = Buffers.atLeast(weight, side * ((int) Math.ceil(step) + 2));
            int used = 0;
            for (int cell = 0; cell < side; cell++) {
                // Exactly as the integral has always been taken: the order of these additions shows in the last bit.
                double start = origin + cell * step - shift;
                double end = start + step;
                int k0 = Math.max(0, (int) Math.floor(start));
                int k1 = Math.min(count, (int) Math.ceil(end));
                from[cell] = k0;
                firstWeight[cell] = used;
                for (int k = k0; k < k1; k++) {
                    double overlap = Math.min(k + 1, end) - Math.max(k, start);
                    // A sample touched only at its edge adds +0 to the sum, just as leaving it out would.
                    weight[used++] = overlap > 0 ? overlap : 0;
                }
            }
            firstWeight[side] = used;
        }
    }
}
