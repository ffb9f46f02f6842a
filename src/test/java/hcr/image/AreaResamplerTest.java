package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AreaResamplerTest {
    private final AreaResampler resampler = new AreaResampler();

    /**
     * The model was measured on tensors made by integrating each output pixel directly; the
     * precomputed overlaps and the several rows per pass must give the very same floats.
     */
    @Property(tries = 300)
    void givesBitForBitTheDirectAreaIntegral(
            @ForAll @IntRange(min = 1, max = 60) int w, @ForAll @IntRange(min = 1, max = 60) int h,
            @ForAll @DoubleRange(min = -20, max = 40) double originX, @ForAll @DoubleRange(min = -20, max = 40) double originY,
            @ForAll @DoubleRange(min = 1, max = 90) double length, @ForAll @IntRange(min = 1, max = 28) int side,
            @ForAll long seed) {
        float[] ink = new float[w * h];
        Random random = new Random(seed);
        for (int i = 0; i < ink.length; i++) {
            ink[i] = random.nextInt(3) == 0 ? 0f : random.nextFloat();
        }
        float[] out = new float[side * side];

        resampler.resample(ink, w, h, originX, originY, length, side, out, 0, side);

        assertThat(out).containsExactly(DirectIntegral.resample(ink, w, h, originX, originY, length, side));
    }

    @Test
    void averagesTheAreaEachOutputPixelCovers() {
        // 4x4 source, 2x2 output: each output pixel is the mean of one 2x2 quadrant.
        float[] ink = {
            1, 1, 0, 0,
            1, 1, 0, 0,
            0, 0, 1, 0,
            0, 0, 0, 0,
        };
        float[] out = new float[4];

        resampler.resample(ink, 4, 4, 0, 0, 4, 2, out, 0, 2);

        assertThat(out).containsExactly(1f, 0f, 0f, 0.25f);
    }

    @Test
    void treatsEverythingOutsideThePictureAsPaper() {
        float[] ink = {1, 1, 1, 1};
        float[] out = new float[4];

        resampler.resample(ink, 2, 2, -2, -2, 4, 2, out, 0, 2);

        assertThat(out).containsExactly(0f, 0f, 0f, 1f);
    }

    /** The original formulation: every output pixel integrates its rows, then its columns, afresh. */
    private static final class DirectIntegral {
        static float[] resample(float[] ink, int w, int h, double originX, double originY, double length, int side) {
            double step = length / side;
            int firstRow = Math.max(0, (int) Math.floor(originY));
            int lastRow = Math.min(h, (int) Math.ceil(originY + length));
            int rowCount = Math.max(0, lastRow - firstRow);
            float[] rows = new float[Math.max(1, rowCount) * side];
            for (int r = 0; r < rowCount; r++) {
                for (int i = 0; i < side; i++) {
                    rows[r * side + i] = (float) (integrate(ink, (firstRow + r) * w, 1, w, originX + i * step, step) / step);
                }
            }
            float[] out = new float[side * side];
            for (int j = 0; j < side; j++) {
                for (int i = 0; i < side; i++) {
                    double from = originY + j * step - firstRow;
                    out[j * side + i] = (float) (integrate(rows, i, side, rowCount, from, step) / step);
                }
            }
            return out;
        }

        static double integrate(float[] data, int base, int stride, int count, double from, double width) {
            double to = from + width;
            double sum = 0;
            for (int k = Math.max(0, (int) Math.floor(from)); k < Math.min(count, (int) Math.ceil(to)); k++) {
                double overlap = Math.min(k + 1, to) - Math.max(k, from);
                if (overlap > 0) {
                    sum += data[base + k * stride] * overlap;
                }
            }
            return sum;
        }
    }
}
