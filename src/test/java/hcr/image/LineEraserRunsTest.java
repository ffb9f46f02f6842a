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

    private static float[] inkMap(int w, int h, int inkPercent, Random random) {
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            // Around the threshold too, where a run starts or ends.
            ink[i] = random.nextInt(100) < inkPercent ? LineEraser.FAINT + random.nextFloat() * 0.5f
                    : random.nextBoolean() ? 0f : Math.nextDown(LineEraser.FAINT);
        }
        return ink;
    }

    /** Asked in any order, some pixels twice, and over a second picture after a first (nothing remembered across). */
    @Property(tries = 300)
    void runsAskedAboutInAnyOrderAreTheRunsWalkedAlongEachLine(@ForAll @IntRange(min = 1, max = 40) int w,
            @ForAll @IntRange(min = 1, max = 40) int h, @ForAll @IntRange(min = 0, max = 100) int inkPercent,
            @ForAll long seed) {
        Random random = new Random(seed);
        FaintRuns rows = new FaintRuns(false);
        FaintRuns columns = new FaintRuns(true);
        for (int picture = 0; picture < 2; picture++) {
            float[] ink = inkMap(w, h, inkPercent, random);
            rows.reset(ink, w, h);
            columns.reset(ink, w, h);
            int[] expectedRows = walked(ink, w, h, 1, w, w * h);
            int[] expectedColumns = walked(ink, h, w, w, 1, w * h);
            for (int ask = 0; ask < 2 * w * h; ask++) {
                int i = random.nextInt(w * h);
                assertThat(rows.at(i)).as("row run at %d", i).isEqualTo(expectedRows[i]);
                assertThat(columns.at(i)).as("column run at %d", i).isEqualTo(expectedColumns[i]);
            }
        }
    }
}
