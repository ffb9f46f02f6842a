package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WindowExtremesTest {

    /** The filter PaperSurface used before: every value of the window compared, the window cut at the ends. */
    private static float naive(float[] values, int at, int radius, boolean max) {
        float best = values[at];
        for (int k = Math.max(0, at - radius); k <= Math.min(values.length - 1, at + radius); k++) {
            best = max ? Math.max(best, values[k]) : Math.min(best, values[k]);
        }
        return best;
    }

    @Property(tries = 400)
    void equalsComparingEveryValueOfTheWindow(@ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 9) int radius, @ForAll @IntRange(min = 1, max = 4) int step,
            @ForAll boolean max, @ForAll @IntRange(min = 0, max = 3) int levels, @ForAll long seed) {
        Random random = new Random(seed);
        float[] values = new float[n];
        float[] strided = new float[n * step + 1];
        for (int i = 0; i < n; i++) {
            // Few levels make ties common; otherwise grey levels with fractions, as block means have.
            values[i] = levels > 0 ? random.nextInt(levels + 1) : random.nextInt(25_600) / 100f;
            strided[1 + i * step] = values[i];
        }
        float[] out = new float[strided.length];
        WindowExtremes extremes = new WindowExtremes();
        extremes.filter(strided, 1, step, n, radius, out, max);
        extremes.filter(strided, 1, step, n, radius, out, max); // buffers reused
        for (int i = 0; i < n; i++) {
            assertThat(out[1 + i * step]).as("value %d of %d", i, n).isEqualTo(naive(values, i, radius, max));
        }
    }

    @Test
    void aPeakSpreadsOverItsWindowAndNoFurther() {
        float[] values = {1, 1, 1, 1, 9, 1, 1, 1, 1};
        float[] out = new float[values.length];
        new WindowExtremes().filter(values, 0, 1, values.length, 2, out, true);
        assertThat(out).containsExactly(1, 1, 9, 9, 9, 9, 9, 1, 1);
        new WindowExtremes().filter(values, 0, 1, values.length, 2, out, false);
        assertThat(out).containsExactly(1, 1, 1, 1, 1, 1, 1, 1, 1);
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new WindowExtremes().filter(new float[3], 0, 1, 3, 0, new float[3], true)).isInstanceOf(IllegalArgumentException.class);
    }
}
