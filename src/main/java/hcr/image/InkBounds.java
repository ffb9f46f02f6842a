package hcr.image;

import java.util.Arrays;

/**
 * Finds the box around the character: 8-connected blobs of solid ink, ignoring specks (dust, JPEG
 * ringing, paper texture) that hold less than {@link #SPECK_FRACTION} of all ink. Specks are also
 * erased from the ink map so they cannot leak into the crop. Not thread-safe: it reuses its buffers.
 *
 * <p>Blobs are labelled as horizontal runs of solid ink joined by union-find, not pixel by pixel:
 * one scan of the map, and the bookkeeping is per run (a stroke row is one run), which costs a
 * fraction of a flood fill's per-pixel neighbour checks.
 */
final class InkBounds {
    /** Ink strength that counts as part of a stroke when finding blobs. */
    static final float SOLID = 0.25f;
    static final double SPECK_FRACTION = 0.015;

    private final SolidRuns runs = new SolidRuns();

    int left;
    int top;
    /** Exclusive. */
    int right;
    /** Exclusive. */
    int bottom;

    void find(float[] ink, int w, int h) {
        runs.label(ink, w, h);
        int minimum = (int) Math.ceil(runs.totalArea() * SPECK_FRACTION);
        left = w;
        top = h;
        right = 0;
        bottom = 0;
        for (int r = 0; r < runs.count; r++) {
            if (runs.blobArea(r) >= minimum) {
                int row = runs.row[r];
                left = Math.min(left, runs.start[r]);
                top = Math.min(top, row);
                right = Math.max(right, runs.end[r]);
                bottom = Math.max(bottom, row + 1);
            } else {
                int at = runs.row[r] * w;
                Arrays.fill(ink, at + runs.start[r], at + runs.end[r], 0f);
            }
        }
    }

    void grow(int margin) {
        left -= margin;
        top -= margin;
        right += margin;
        bottom += margin;
    }

    /**
     * Maximal horizontal runs of pixels with ink of at least {@link #SOLID}, grouped into
     * 8-connected blobs: a run joins every run of the row above that it touches, diagonals included.
     */
    static final class SolidRuns {
        int count;
        int[] row = new int[64];
        int[] start = new int[64];
        /** Exclusive. */
        int[] end = new int[64];
        private int[] parent = new int[64];
        /** Pixels of the blob, kept at the blob's root run. */
        private int[] area = new int[64];
        private int total;

        void label(float[] ink, int w, int h) {
            count = 0;
            total = 0;
            int above = 0;
            int aboveEnd = 0;
            for (int y = 0; y < h; y++) {
                int rowFirst = count;
                int base = y * w;
                int rowEnd = base + w;
                int i = base;
                while (true) {
                    while (i < rowEnd && ink[i] < SOLID) {
                        i++;
                    }
                    if (i == rowEnd) {
                        break;
                    }
                    int from = i - base;
                    while (i < rowEnd && ink[i] >= SOLID) {
                        i++;
                    }
                    int x = i - base;
                    int run = add(y, from, x);
                    // Runs above that end left of this one's diagonal neighbour touch no later run either.
                    while (above < aboveEnd && end[above] < from) {
                        above++;
                    }
                    for (int r = above; r < aboveEnd && start[r] <= x; r++) {
                        union(run, r);
                    }
                }
                above = rowFirst;
                aboveEnd = count;
            }
            for (int r = 0; r < count; r++) {
                int length = end[r] - start[r];
                total += length;
                if (parent[r] != r) {
                    area[root(r)] += length;
                }
            }
        }

        int totalArea() {
            return total;
        }

        /** Valid after {@link #label}: the pixel count of the blob run {@code r} belongs to. */
        int blobArea(int r) {
            return area[root(r)];
        }

        private int add(int y, int from, int to) {
            if (count == row.length) {
                int length = 2 * count;
                row = Arrays.copyOf(row, length);
                start = Arrays.copyOf(start, length);
                end = Arrays.copyOf(end, length);
                parent = Arrays.copyOf(parent, length);
                area = Arrays.copyOf(area, length);
            }
            row[count] = y;
            start[count] = from;
            end[count] = to;
            parent[count] = count;
            area[count] = to - from;
            return count++;
        }

        /** The root is the blob's earliest run, so roots never move once all runs are added. */
        private void union(int a, int b) {
            int ra = root(a);
            int rb = root(b);
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }

        private int root(int r) {
            while (parent[r] != r) {
                parent[r] = parent[parent[r]];
                r = parent[r];
            }
            return r;
        }
    }
}
