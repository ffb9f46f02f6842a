package hcr.image;

import java.util.Arrays;

/**
 * The maximum (or minimum) of every window of {@code 2 radius + 1} values along a line, the
 * window cut at the line's ends, by van Herk and Gil-Werman's method: the line is padded with
 * values that never win and cut into blocks of the window's length; a window then covers the
 * tail of one block and the head of the next, whose running extremes are worked out once. Three
 * comparisons per value whatever the radius. Exact for values without NaN or negative zero
 * (the extreme of such a set is the same whichever order it is taken in). Not thread-safe.
 */
final class WindowExtremes {
    private float[] line = new float[0];
    private float[] head = new float[0];
    private float[] tail = new float[0];

    /**
     * For {@code n} values of {@code in} from {@code from}, {@code step} apart, writes the extreme of
     * each one's window of {@code radius} values each way to the same places of {@code out}.
     */
    void filter(float[] in, int from, int step, int n, int radius, float[] out, boolean max) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be at least 1: " + radius);
        }
        int window = 2 * radius + 1;
        // Whole blocks cover the padding before, the values, and the padding after.
        int padded = ((n + 2 * radius + window - 1) / window) * window;
        line = Buffers.atLeast(line, padded);
        head = Buffers.atLeast(head, padded);
        tail = Buffers.atLeast(tail, padded);
        float never = max ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        Arrays.fill(line, 0, radius, never);
        for (int i = 0, j = from; i < n; i++, j += step) {
            line[radius + i] = in[j];
        }
        Arrays.fill(line, radius + n, padded, never);
        // One copy of the loops per direction: testing `max` at every value put a branch in C1's inner loops.
        if (max) {
            for (int start = 0; start < padded; start += window) {
                int end = start + window - 1;
                head[start] = line[start];
                for (int i = start + 1; i <= end; i++) {
                    head[i] = line[i] > head[i - 1] ? line[i] : head[i - 1];
                }
                tail[end] = line[end];
                for (int i = end - 1; i >= start; i--) {
                    tail[i] = line[i] > tail[i + 1] ? line[i] : tail[i + 1];
                }
            }
            // The window of value i spans line[i .. i + 2 radius].
            for (int i = 0, j = from; i < n; i++, j += step) {
                float a = tail[i];
                float b = head[i + 2 * radius];
                out[j] = a > b ? a : b;
            }
        } else {
            for (int start = 0; start < padded; start += window) {
                int end = start + window - 1;
                head[start] = line[start];
                for (int i = start + 1; i <= end; i++) {
                    head[i] = line[i] < head[i - 1] ? line[i] : head[i - 1];
                }
                tail[end] = line[end];
                for (int i = end - 1; i >= start; i--) {
                    tail[i] = line[i] < tail[i + 1] ? line[i] : tail[i + 1];
                }
            }
            for (int i = 0, j = from; i < n; i++, j += step) {
                float a = tail[i];
                float b = head[i + 2 * radius];
                out[j] = a < b ? a : b;
            }
        }
    }
}
