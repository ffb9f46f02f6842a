package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class StrokeThickenerTest {
    @Property(tries = 200)
    void dilationTakesTheMaximumOverTheSquareAroundEachPixel(
            @ForAll @IntRange(min = 1, max = 40) int w, @ForAll @IntRange(min = 1, max = 40) int h,
            @ForAll @IntRange(min = 1, max = 6) int radius, @ForAll long seed) {
        Random random = new Random(seed);
        float[] ink = new float[w * h];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = random.nextInt(8) == 0 ? random.nextFloat() : 0f;
        }
        float[] expected = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ny = Math.max(0, y - radius); ny <= Math.min(h - 1, y + radius); ny++) {
                    for (int nx = Math.max(0, x - radius); nx <= Math.min(w - 1, x + radius); nx++) {
                        expected[y * w + x] = Math.max(expected[y * w + x], ink[ny * w + nx]);
                    }
                }
            }
        }

        new StrokeThickener().dilate(ink, w, h, radius);

        assertThat(ink).containsExactly(expected);
    }
}
