package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class EmnistPreprocessorPropertiesTest {
    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Property(tries = 300)
    void anyPictureGivesA28x28TensorInTheUnitRangeOrIsRejectedAsBlank(
            @ForAll @IntRange(min = 1, max = 120) int width, @ForAll @IntRange(min = 1, max = 120) int height,
            @ForAll @IntRange(min = 0, max = 4) int kind, @ForAll long seed) {
        BufferedImage picture = randomPicture(width, height, kind, new Random(seed));
        float[] out = new float[EmnistTensor.PIXELS + 2];
        out[0] = -7f;
        out[out.length - 1] = -7f;

        try {
            preprocessor.toTensor(picture, out, 1);
        } catch (NoInkException blank) {
            return;
        }

        assertThat(out[0]).as("before the slot").isEqualTo(-7f);
        assertThat(out[out.length - 1]).as("after the slot").isEqualTo(-7f);
        for (int i = 1; i <= EmnistTensor.PIXELS; i++) {
            assertThat(out[i]).isBetween(0f, 1f);
        }
    }

    @Property(tries = 60)
    void lightInkOnDarkPaperGivesTheSameTensorAsDarkOnLight(@ForAll long seed) {
        BufferedImage dark = Glyphs.Glyph.random(seed).draw(90);

        float[] fromDarkInk = preprocessor.toTensor(dark);
        float[] fromLightInk = preprocessor.toTensor(Renderings.invert(dark));

        assertThat(fromLightInk).containsExactly(fromDarkInk, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Property(tries = 40)
    void whereTheCharacterSitsOnThePageDoesNotMatter(@ForAll long seed,
            // The pen's round caps reach 7 px beyond the glyph's box: keep them on the page.
            @ForAll @IntRange(min = 12, max = 138) int left, @ForAll @IntRange(min = 12, max = 138) int top) {
        Glyphs.Glyph glyph = Glyphs.Glyph.random(seed);

        float[] centred = preprocessor.toTensor(glyph.draw(240, 240, 75, 75, 90));
        float[] moved = preprocessor.toTensor(glyph.draw(240, 240, left, top, 90));

        assertThat(Similarity.between(centred, moved).correlation()).isGreaterThan(0.97);
    }

    @Property(tries = 40)
    void howLargeTheCharacterIsDrawnHardlyMatters(@ForAll long seed, @ForAll @IntRange(min = 40, max = 400) int size) {
        Glyphs.Glyph glyph = Glyphs.Glyph.random(seed);

        float[] reference = preprocessor.toTensor(glyph.draw(200));
        float[] scaled = preprocessor.toTensor(glyph.draw(2 * size));

        assertThat(Similarity.between(reference, scaled).correlation()).isGreaterThan(0.9);
    }

    /** Noise, flat colours, rectangles, gradients and glyphs, in colour or grey. */
    private static BufferedImage randomPicture(int width, int height, int kind, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int flat = random.nextInt(1 << 24);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = switch (kind) {
                    case 0 -> random.nextInt(1 << 24);
                    case 1 -> flat;
                    case 2 -> x > width / 3 && x < 2 * width / 3 && y > height / 4 ? 0x101010 : flat;
                    case 3 -> (255 * x / Math.max(1, width - 1)) * 0x010101;
                    default -> random.nextInt(20) == 0 ? 0 : 0xFFFFFF;
                };
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
