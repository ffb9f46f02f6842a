package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Light that falls unevenly on the page, and printed lines on it, are not ink. */
class UnevenLightTest {
    private static final int SIDE = 256;

    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Property(tries = 60)
    void aGradientOfUpTo120LevelsOnBlankPaperIsNotInk(@ForAll @IntRange(min = 0, max = 120) int levels,
            @ForAll @IntRange(min = 160, max = 250) int paper, @ForAll long seed) {
        Random random = new Random(seed);
        BufferedImage blank = blank();

        assertThatThrownBy(() -> preprocessor.toTensor(Lighting.lit(blank, paper, Lighting.gradient(SIDE, levels, random), 3, random)))
                .isInstanceOf(NoInkException.class);
    }

    /** Up to half the light gone, behind an edge as hard as 12 px (the shadow render style's range). */
    @Property(tries = 400)
    void aVignetteOrAShadowEdgeOnBlankPaperIsNotInk(@ForAll @DoubleRange(min = 0, max = 0.5) double depth,
            @ForAll @DoubleRange(min = 12, max = 40) double softness, @ForAll long seed) {
        Random random = new Random(seed);
        Lighting.Light light = random.nextBoolean() ? Lighting.vignette(SIDE, depth)
                : Lighting.shadow(random.nextInt(SIDE), random.nextInt(SIDE), random.nextDouble() * 7, softness, depth);

        assertThatThrownBy(() -> preprocessor.toTensor(Lighting.lit(blank(), 220, light, 3, random)))
                .isInstanceOf(NoInkException.class);
    }

    /**
     * Samples the property once failed on. A faint edge (depth 0.08) with the border in shadow: lit
     * paper read as light ink on darker paper, its contrast (24) reached by the noise alone.
     */
    @Example
    void aFaintShadowEdgeWhoseLitSideLooksLikeLightInk() {
        aVignetteOrAShadowEdgeOnBlankPaperIsNotInk(0.08, 12.96, -9332);
    }

    /**
     * A hard edge running along the right border: its steepest pixel step was over half the step
     * between the edge blocks, so the edge blocks were taken for a printed line and filled in.
     */
    @Example
    void aHardShadowEdgeAlongTheBorderIsNotAPrintedLine() {
        aVignetteOrAShadowEdgeOnBlankPaperIsNotInk(0.47, 12.79, 1364904);
        aVignetteOrAShadowEdgeOnBlankPaperIsNotInk(0.5, 12.58, 4730);
    }

    @Property(tries = 40)
    void aCharacterUnderUnevenLightGivesTheTensorItGivesUnderEvenLight(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 2) int kind, @ForAll @DoubleRange(min = 0.2, max = 0.45) double depth) {
        Random random = new Random(seed);
        BufferedImage page = Glyphs.Glyph.random(seed).draw(SIDE);
        Lighting.Light light = switch (kind) {
            case 0 -> Lighting.gradient(SIDE, 120, random);
            case 1 -> Lighting.vignette(SIDE, depth);
            default -> Lighting.shadow(64 + random.nextInt(128), 64 + random.nextInt(128), random.nextDouble() * 7, 20, depth);
        };

        float[] even = preprocessor.toTensor(Lighting.lit(page, 220, (x, y) -> 1, 2, random));
        float[] uneven = preprocessor.toTensor(Lighting.lit(page, 220, light, 2, random));

        assertThat(Similarity.between(even, uneven).correlation()).isGreaterThan(0.9);
    }

    @Property(tries = 40)
    void ruledLinesNeverSetTheCrop(@ForAll long seed, @ForAll @IntRange(min = 14, max = 40) int spacing,
            @ForAll @IntRange(min = 1, max = 2) int thickness, @ForAll @IntRange(min = 100, max = 180) int lineLevel,
            @ForAll boolean squared) {
        BufferedImage clean = Glyphs.Glyph.random(seed).draw(SIDE);
        BufferedImage ruled = Glyphs.Glyph.random(seed).draw(SIDE);
        Graphics2D g = ruled.createGraphics();
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER));
        for (int at = (int) (seed & 7); at < SIDE; at += spacing) {
            // Under the ink: only paper pixels take the line's colour.
            for (int t = 0; t < thickness; t++) {
                for (int k = 0; k < SIDE; k++) {
                    darkenTo(ruled, k, at + t, lineLevel);
                    if (squared) {
                        darkenTo(ruled, at + t, k, lineLevel);
                    }
                }
            }
        }
        g.dispose();

        float[] expected = preprocessor.toTensor(clean);
        float[] actual = preprocessor.toTensor(ruled);

        assertThat(Similarity.between(expected, actual).correlation()).isGreaterThan(0.9);
    }

    /**
     * Squares whose first lines lie on the picture's top and left rows: they half-darken the edge
     * blocks of the paper estimate, whose padding once spread them into a band the closing kept
     * (correlation 0.39).
     */
    @Example
    void squaresRuledAlongTheBorderDoNotSetTheCrop() {
        ruledLinesNeverSetTheCrop(32, 17, 2, 100, true);
    }

    @Property(tries = 30)
    void aPrintedBoxAroundTheCharacterDoesNotSetTheCrop(@ForAll long seed, @ForAll @IntRange(min = 3, max = 30) int margin,
            @ForAll @IntRange(min = 0, max = 120) int boxLevel) {
        BufferedImage clean = Glyphs.Glyph.random(seed).draw(SIDE);
        BufferedImage boxed = Glyphs.Glyph.random(seed).draw(SIDE);
        Graphics2D g = boxed.createGraphics();
        g.setColor(new Color(boxLevel, boxLevel, boxLevel));
        // The glyph's pen reaches about 20 px beyond its 128 px box.
        int from = 64 - 20 - margin;
        int side = 128 + 2 * (20 + margin);
        g.drawRect(from, from, side, side);
        g.dispose();

        assertThat(Similarity.between(preprocessor.toTensor(clean), preprocessor.toTensor(boxed)).correlation())
                .isGreaterThan(0.9);
    }

    @Test
    void aHairlinePenIsNotMistakenForRulingOrABox() {
        BufferedImage hairline = blank();
        Graphics2D g = hairline.createGraphics();
        g.setColor(Color.BLACK);
        g.drawRect(60, 60, 120, 120);
        g.drawLine(60, 60, 180, 180);
        g.dispose();

        float[] out = preprocessor.toTensor(hairline);

        // The square's sides stay: the tensor's ink reaches the frame's corners.
        assertThat(out[3 * 28 + 3] + out[3 * 28 + 24] + out[24 * 28 + 3] + out[24 * 28 + 24]).isGreaterThan(1f);
    }

    /** Issue 12: characters a person sees at once are not "no ink". */
    @Test
    void aSmallCharacterOnAHugeCanvasIsFound() {
        assertThat(preprocessor.toTensor(letterA(2000, 100, 8, 0, 255))).isNotNull();
        assertThat(preprocessor.toTensor(letterA(3000, 100, 8, 0, 255))).isNotNull();
        assertThat(preprocessor.toTensor(letterA(4000, 200, 8, 0, 255))).isNotNull();
    }

    @Test
    void inkOnly30LevelsFromThePaperIsFound() {
        assertThat(preprocessor.toTensor(letterA(300, 200, 12, 190, 220))).isNotNull();
        assertThat(preprocessor.toTensor(letterA(300, 200, 12, 185, 220))).isNotNull();
    }

    private static BufferedImage letterA(int canvas, int size, int stroke, int ink, int paper) {
        BufferedImage image = new BufferedImage(canvas, canvas, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(paper, paper, paper));
        g.fillRect(0, 0, canvas, canvas);
        g.setColor(new Color(ink, ink, ink));
        g.setStroke(new BasicStroke(stroke));
        int left = canvas / 2 - size / 2;
        int top = canvas / 2 - size / 2;
        g.drawLine(left, top + size, left + size / 2, top);
        g.drawLine(left + size / 2, top, left + size, top + size);
        g.drawLine(left + size / 4, top + size / 2, left + 3 * size / 4, top + size / 2);
        g.dispose();
        return image;
    }

    private static void darkenTo(BufferedImage image, int x, int y, int level) {
        if (x < SIDE && y < SIDE) {
            image.getRaster().setSample(x, y, 0, Math.min(image.getRaster().getSample(x, y, 0), level));
        }
    }

    private static BufferedImage blank() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, SIDE, SIDE);
        g.dispose();
        return image;
    }
}
