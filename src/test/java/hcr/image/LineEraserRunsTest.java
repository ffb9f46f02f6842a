package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class LineEraserRunsTest {

    /** The run lengths as LineEraser first worked them out: one walk along each line, however it lies in memory. */
    private static int[] walked(float[] ink, int length, int lines, int step, int stride, int n) {
        int[] out = new int[n];
        for (int l = 0; l < lines; l++) {
            int k = 0;
            while (k < length) {
                int start = k;
                while (k < length && ink[l * stride + k * step] >= LineEraser.FAINT) {
                    k++;
                }
                for (int j = start; j < k; j++) {
                    out[l * stride + j * step] = k - start;
                }
                k = Math.max(k, start + 1);
            }
        }
        return out;
    }

    private static int faintIn(float[] ink, int length, int base, int step) {
        int count = 0;
        for (int k = 0; k < length; k++) {
            count += ink[base + k * step] >= LineEraser.FAINT ? 1 : 0;
        }
        return count;
    }

    @Property(tries = 300)
    void rowAndColumnRunsAreTheRunsWalkedAlongEachLine(@ForAll @IntRange(min = 1, max = 40) int w,
            @ForAll @IntRange(min = 1, max = 40) int h, @ForAll @IntRange(min = 0, max = 100) int inkPercent,
            @ForAll long seed) {
        Random random = new Random(seed);
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            // Around the threshold too, where a run starts or ends.
            ink[i] = random.nextInt(100) < inkPercent ? LineEraser.FAINT + random.nextFloat() * 0.5f
                    : random.nextBoolean() ? 0f : Math.nextDown(LineEraser.FAINT);
        }
        int[] rows = new int[w * h];
        int[] columns = new int[w * h];
        int[] faintRows = new int[h];
        int[] faintColumns = new int[w];
        LineEraser.rowRuns(ink, w, h, rows, faintRows);
        LineEraser.columnRuns(ink, w, h, columns, faintColumns);

        assertThat(rows).isEqualTo(walked(ink, w, h, 1, w, w * h));
        assertThat(columns).isEqualTo(walked(ink, h, w, w, 1, w * h));
        for (int y = 0; y < h; y++) {
            assertThat(faintRows[y]).as("row %d", y).isEqualTo(faintIn(ink, w, y * w, 1));
        }
        for (int x = 0; x < w; x++) {
            assertThat(faintColumns[x]).as("column %d", x).isEqualTo(faintIn(ink, h, x, w));
        }
    }
}
