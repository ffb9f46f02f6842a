package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WindowExtremesTest {

    /** Every value of the square window compared, the window cut at the grid's edges. */
    private static float naive(float[] grid, int cols, int rows, int col, int row, int radius, boolean max) {
        float best = grid[row * cols + col];
        for (int r = Math.max(0, row - radius); r <= Math.min(rows - 1, row + radius); r++) {
            for (int c = Math.max(0, col - radius); c <= Math.min(cols - 1, col + radius); c++) {
                float v = grid[r * cols + c];
                best = max ? (v > best ? v : best) : (v < best ? v : best);
            }
        }
        return best;
    }

    @Property(tries = 400)
    void equalsComparingEveryValueOfTheWindow(@ForAll @IntRange(min = 1, max = 50) int cols,
            @ForAll @IntRange(min = 1, max = 50) int rows, @ForAll @IntRange(min = 1, max = 9) int radius,
            @ForAll boolean max, @ForAll @IntRange(min = 0, max = 3) int levels, @ForAll long seed) {
        Random random = new Random(seed);
        float[] values = new float[cols * rows];
        for (int i = 0; i < values.length; i++) {
            // Few levels make ties common; otherwise grey levels with fractions, as block means have.
            values[i] = levels > 0 ? random.nextInt(levels + 1) : random.nextInt(25_600) / 100f;
        }
        // A larger array than the grid, as PaperSurface's: cells past the grid are left alone.
        float[] grid = new float[values.length + 7];
        System.arraycopy(values, 0, grid, 0, values.length);
        grid[values.length] = 1e9f;
        WindowExtremes extremes = new WindowExtremes();
        extremes.filter(grid.clone(), cols, rows, radius, max); // buffers left dirty for the next call
        extremes.filter(grid, cols, rows, radius, max);
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                assertThat(grid[row * cols + col]).as("cell %d,%d of %dx%d", col, row, cols, rows)
                        .isEqualTo(naive(values, cols, rows, col, row, radius, max));
            }
        }
        assertThat(grid[values.length]).isEqualTo(1e9f);
    }

    @Test
    void aPeakSpreadsOverItsWindowAndNoFurther() {
        float[] grid = new float[7 * 5];
        java.util.Arrays.fill(grid, 1);
        grid[2 * 7 + 3] = 9;
        new WindowExtremes().filter(grid, 7, 5, 2, true);
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 7; col++) {
                assertThat(grid[row * 7 + col]).as("cell %d,%d", col, row).isEqualTo(col >= 1 && col <= 5 ? 9 : 1);
            }
        }
        // The min filter after it shrinks the band back to the one column whose whole window it covers.
        new WindowExtremes().filter(grid, 7, 5, 2, false);
        for (int row = 0; row < 5; row++) {
            for (int col = 0; col < 7; col++) {
                assertThat(grid[row * 7 + col]).as("cell %d,%d", col, row).isEqualTo(col == 3 ? 9 : 1);
            }
        }
    }

    @Test
    void refusesWhatIsNotAGreyLevel() {
        // Its extremes are taken on the values' bits, which order like the values only from +0 up.
        for (float bad : new float[] {Float.NaN, -0f, -1f, Float.NEGATIVE_INFINITY}) {
            float[] grid = {1, bad, 2, 3};
            assertThatThrownBy(() -> new WindowExtremes().filter(grid, 2, 2, 1, true))
                    .as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThatThrownBy(() -> new WindowExtremes().filter(new float[9], 3, 3, 0, true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
