package hcr.image;

/**
 * Finds the box around the character: 8-connected blobs of solid ink, ignoring specks (dust, JPEG
 * ringing, paper texture) that hold less than {@link #SPECK_FRACTION} of all ink. Specks are also
 * erased from the ink map so they cannot leak into the crop. Not thread-safe: it reuses its buffers.
 */
final class InkBounds {
    /** Ink strength that counts as part of a stroke when finding blobs. */
    static final float SOLID = 0.25f;
    static final double SPECK_FRACTION = 0.015;

    private int[] labels = new int[0];
    private int[] stack = new int[0];
    private int[] areas = new int[16];
    private int[] boxes = new int[64];

    int left;
    int top;
    /** Exclusive. */
    int right;
    /** Exclusive. */
    int bottom;

    void find(float[] ink, int w, int h) {
        int n = w * h;
        labels = Buffers.atLeast(labels, n);
        java.util.Arrays.fill(labels, 0, n, 0);
        stack = Buffers.atLeast(stack, n);
        int components = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (ink[i] >= SOLID && labels[i] == 0) {
                components++;
                total += flood(ink, w, h, i, components);
            }
        }
        left = w;
        top = h;
        right = 0;
        bottom = 0;
        int minimum = (int) Math.ceil(total * SPECK_FRACTION);
        for (int c = 1; c <= components; c++) {
            if (areas[c] >= minimum) {
                left = Math.min(left, boxes[4 * c]);
                top = Math.min(top, boxes[4 * c + 1]);
                right = Math.max(right, boxes[4 * c + 2] + 1);
                bottom = Math.max(bottom, boxes[4 * c + 3] + 1);
            }
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] != 0 && areas[labels[i]] < minimum) {
                ink[i] = 0f;
            }
        }
    }

    void grow(int margin) {
        left -= margin;
        top -= margin;
        right += margin;
        bottom += margin;
    }

    /** Iterative flood fill (an explicit stack: recursion would overflow on big blobs). */
    private int flood(float[] ink, int w, int h, int start, int label) {
        areas = grow(areas, label + 1);
        boxes = grow(boxes, 4 * (label + 1));
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        int area = 0;
        int size = 0;
        stack[size++] = start;
        labels[start] = label;
        while (size > 0) {
            int p = stack[--size];
            int x = p % w;
            int y = p / w;
            area++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= w) {
                        continue;
                    }
                    int q = ny * w + nx;
                    if (labels[q] == 0 && ink[q] >= SOLID) {
                        labels[q] = label;
                        stack[size++] = q;
                    }
                }
            }
        }
        areas[label] = area;
        boxes[4 * label] = minX;
        boxes[4 * label + 1] = minY;
        boxes[4 * label + 2] = maxX;
        boxes[4 * label + 3] = maxY;
        return area;
    }

    private static int[] grow(int[] array, int length) {
        return array.length >= length ? array : java.util.Arrays.copyOf(array, Math.max(length, 2 * array.length));
    }
}
