package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InkBoundsTest {
    private final InkBounds bounds = new InkBounds();

    @Property(tries = 400)
    void runLengthLabellingFindsTheSameBoxAndErasesTheSameSpecksAsAFloodFill(
            @ForAll @IntRange(min = 1, max = 48) int w, @ForAll @IntRange(min = 1, max = 48) int h,
            @ForAll @IntRange(min = 0, max = 100) int percentSolid, @ForAll long seed) {
        float[] ink = randomInk(w, h, percentSolid, new Random(seed));
        float[] expected = ink.clone();
        int[] expectedBox = FloodFill.boundsAndErase(expected, w, h);

        bounds.find(ink, w, h);

        assertThat(new int[] {bounds.left, bounds.top, bounds.right, bounds.bottom}).containsExactly(expectedBox);
        assertThat(ink).containsExactly(expected);
    }

    @Test
    void diagonalNeighboursBelongToOneBlob() {
        // A 1-pixel diagonal stroke of 100 pixels and a lone pixel far away: were the stroke 100
        // blobs of one pixel, all would be specks; as one blob, only the lone pixel (under 1.5% of
        // the ink) is.
        int side = 120;
        float[] ink = new float[side * side];
        for (int k = 0; k < 100; k++) {
            ink[(k + 5) * side + k + 5] = 1f;
        }
        ink[2 * side + 115] = 1f;

        bounds.find(ink, side, side);

        assertThat(new int[] {bounds.left, bounds.top, bounds.right, bounds.bottom}).containsExactly(5, 5, 105, 105);
        assertThat(ink[2 * side + 115]).as("the speck is erased").isZero();
        assertThat(ink[30 * side + 30]).as("the stroke stays").isEqualTo(1f);
    }

    @Test
    void faintInkIsNeitherABlobNorErased() {
        int side = 10;
        float[] ink = new float[side * side];
        java.util.Arrays.fill(ink, 0.2f);
        for (int y = 3; y < 7; y++) {
            for (int x = 2; x < 9; x++) {
                ink[y * side + x] = 0.9f;
            }
        }

        bounds.find(ink, side, side);

        assertThat(new int[] {bounds.left, bounds.top, bounds.right, bounds.bottom}).containsExactly(2, 3, 9, 7);
        assertThat(ink[0]).isEqualTo(0.2f);
    }

    /** Blobs of all sizes: random rectangles of solid ink over sparse noise, some of it below SOLID. */
    private static float[] randomInk(int w, int h, int percentSolid, Random random) {
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            if (random.nextInt(100) < percentSolid / 3) {
                ink[i] = random.nextBoolean() ? InkBounds.SOLID : random.nextFloat();
            }
        }
        for (int strokes = random.nextInt(4); strokes > 0; strokes--) {
            int x0 = random.nextInt(w);
            int y0 = random.nextInt(h);
            int x1 = Math.min(w, x0 + 1 + random.nextInt(w));
            int y1 = Math.min(h, y0 + 1 + random.nextInt(h));
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    if (random.nextInt(100) < percentSolid) {
                        ink[y * w + x] = 1f;
                    }
                }
            }
        }
        return ink;
    }

    /** The obvious algorithm, pixel by pixel: the specification the run-length labelling must meet. */
    private static final class FloodFill {
        static int[] boundsAndErase(float[] ink, int w, int h) {
            int[] label = new int[w * h];
            java.util.List<int[]> blobs = new java.util.ArrayList<>(); // area, minX, minY, maxX, maxY
            int total = 0;
            for (int start = 0; start < w * h; start++) {
                if (ink[start] < InkBounds.SOLID || label[start] != 0) {
                    continue;
                }
                int[] blob = {0, w, h, -1, -1};
                blobs.add(blob);
                ArrayDeque<Integer> todo = new ArrayDeque<>();
                label[start] = blobs.size();
                todo.push(start);
                while (!todo.isEmpty()) {
                    int p = todo.pop();
                    int x = p % w;
                    int y = p / w;
                    blob[0]++;
                    blob[1] = Math.min(blob[1], x);
                    blob[2] = Math.min(blob[2], y);
                    blob[3] = Math.max(blob[3], x);
                    blob[4] = Math.max(blob[4], y);
                    for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                        for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                            int q = ny * w + nx;
                            if (label[q] == 0 && ink[q] >= InkBounds.SOLID) {
                                label[q] = blobs.size();
                                todo.push(q);
                            }
                        }
                    }
                }
                total += blob[0];
            }
            int minimum = (int) Math.ceil(total * InkBounds.SPECK_FRACTION);
            int[] box = {w, h, 0, 0};
            for (int[] blob : blobs) {
                if (blob[0] >= minimum) {
                    box[0] = Math.min(box[0], blob[1]);
                    box[1] = Math.min(box[1], blob[2]);
                    box[2] = Math.max(box[2], blob[3] + 1);
                    box[3] = Math.max(box[3], blob[4] + 1);
                }
            }
            for (int i = 0; i < w * h; i++) {
                if (label[i] != 0 && blobs.get(label[i] - 1)[0] < minimum) {
                    ink[i] = 0f;
                }
            }
            return box;
        }
    }
}
