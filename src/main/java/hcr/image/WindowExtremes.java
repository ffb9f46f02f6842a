package hcr.image;

import java.util.Arrays;

/**
 * The maximum (or minimum) of every square window of {@code 2 radius + 1} cells a side over a grid,
 * the window cut at the grid's edges: separable, along rows and then down columns, each in spans
 * of 3, 9, 27 ... cells, each made of three spans of the last (two or three passes for the radii
 * {@link PaperSurface} uses, 2 to 9 blocks). The grid is copied into a buffer with {@code radius}
 * empty cells after every row and {@code radius} empty rows before and after, holding a value that
 * never wins, so that every pass is one loop over the whole buffer with no edge cases: a window that
 * reaches past the grid meets only empty cells there, which is the same as cutting it. A pass reads
 * its arrays at one index (the shifted values are first moved into place by
 * {@code System.arraycopy}), the form C2 turns into vector instructions.
 * For grey levels (finite or infinite, not negative, not NaN, not negative zero: anything else is
 * refused) the result is exactly that of comparing every value of the window. Not thread-safe: it
 * reuses its buffers.
 */
final class WindowExtremes {
    /** Below the bits of any level: never the maximum. */
    private static final int NEVER_MAX = -1;
    /** +infinity's bits, above any level: never the minimum. */
    private static final int NEVER_MIN = Float.floatToRawIntBits(Float.POSITIVE_INFINITY);
    private static final int NEGATIVE_ZERO = Float.floatToRawIntBits(-0f);
    /** The grid's values as their bit patterns, see {@link #filter}. */
    private int[] values = new int[0];
    /** One pass's inputs moved to index 0: the values (if not there already), and those near and far on, see {@link #combine}. */
    private int[] current = new int[0];
    private int[] nearBy = new int[0];
    private int[] farOff = new int[0];

    /** Replaces each of the {@code cols x rows} values of {@code grid} (row-major) by the extreme of its window. */
    void filter(float[] grid, int cols, int rows, int radius, boolean max) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be at least 1: " + radius);
        }
        if (grid.length < cols * rows) {
            throw new IllegalArgumentException("grid smaller than " + cols + "x" + rows);
        }
        int stride = cols + radius;
        int first = radius * stride;
        int n = (rows + 2 * radius) * stride;
        values = Buffers.atLeast(values, n);
        current = Buffers.atLeast(current, n);
        nearBy = Buffers.atLeast(nearBy, n);
        farOff = Buffers.atLeast(farOff, n);
        // The bits of floats from +0 to +infinity are in the same order as the floats: the extremes are
        // taken on ints, with arithmetic that C2 vectorises and C1 compiles without a call (it calls
        // Math.max(float) for every value, which made the closing 4 times slower than before under C1).
        Arrays.fill(values, 0, n, max ? NEVER_MAX : NEVER_MIN);
        for (int r = 0; r < rows; r++) {
            for (int c = 0, from = r * cols, to = first + r * stride; c < cols; c++) {
                float v = grid[from + c];
                int bits = Float.floatToRawIntBits(v);
                if (!(v >= 0) || bits == NEGATIVE_ZERO) {
                    throw new IllegalArgumentException("not a level: " + v);
                }
                values[to + c] = bits;
            }
        }
        // Along rows only the real rows (and the empty cells just before the first) are worked on: the
        // empty rows stay empty, as the pass down the columns needs them.
        along(1, radius, first - radius, first + rows * stride, max);
        along(stride, radius, 0, n, max);
        for (int r = 0; r < rows; r++) {
            for (int c = 0, to = r * cols, from = first + r * stride; c < cols; c++) {
                grid[to + c] = Float.intBitsToFloat(values[from + c]);
            }
        }
    }

    /**
     * The extreme over {@code 2 radius + 1} cells {@code step} apart, centred on each cell of
     * values[from, to): cells whose window reaches past that range are left with part of it, and
     * are empty cells.
     */
    private void along(int step, int radius, int from, int to, boolean max) {
        int window = 2 * radius + 1;
        // values[i] becomes the extreme of the span cells from i on: 1, 3, 9, ... cells, each span made
        // of three of the last (or two, when they reach the window): two or three passes for a window of
        // 5 to 27 cells, where doubling takes three to five.
        for (int span = 1; span < window; ) {
            int next = Math.min(3 * span, window);
            int last = (next - span) * step;
            combine(next > 2 * span ? span * step : last, last, from, to, max);
            span = next;
        }
        // values[i] now covers [i, i + window); move it so that it is centred on i.
        int back = radius * step;
        System.arraycopy(values, from, values, from + back, to - from - back);
    }

    /**
     * {@code values[i] = extreme(values[i], values[i + near], values[i + far])}, as they were before,
     * for i from {@code from} on wherever {@code i + far} is before {@code to} ({@code near <= far};
     * equal, the same value twice).
     */
    private void combine(int near, int far, int from, int to, boolean max) {
        int count = to - from - far;
        if (count <= 0) {
            return;
        }
        // All three at index 0 (values moved down too, unless they start there, as down the columns):
        // C2 vectorises only arrays read at one index.
        int[] v = from == 0 ? values : current;
        if (v != values) {
            System.arraycopy(values, from, current, 0, count);
        }
        System.arraycopy(values, from + near, nearBy, 0, count);
        System.arraycopy(values, from + far, farOff, 0, count);
        int[] a = nearBy;
        int[] b = farOff;
        // Branch-free: d & (d >> 31) is d when d < 0, else 0 (no overflow: every value lies in [-1, +infinity's bits]).
        if (max) {
            for (int i = 0; i < count; i++) {
                int d = v[i] - a[i];
                int m = v[i] - (d & (d >> 31));
                d = m - b[i];
                v[i] = m - (d & (d >> 31));
            }
        } else {
            for (int i = 0; i < count; i++) {
                int d = v[i] - a[i];
                int m = a[i] + (d & (d >> 31));
                d = m - b[i];
                v[i] = b[i] + (d & (d >> 31));
            }
        }
        if (v != values) {
            System.arraycopy(current, 0, values, from, count);
        }
    }
}
