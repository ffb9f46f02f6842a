package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

/** Several characters side by side are counted from the tensor the model saw; one character is one. */
class SideBySideTest {
    private static final int SIZE = 80;
    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Property(tries = 200)
    void oneStrokeIsOneCharacter(@ForAll long seed) {
        BufferedImage one = Glyphs.Glyph.random(seed).draw(2 * SIZE);

        assertThat(SideBySide.characters(preprocessor.toTensor(one), 0)).isEqualTo(1);
    }

    /**
     * The blank between the glyphs' ink is measured in glyph heights: 0.4 is a narrow space between
     * two letters. Squeezed together into the 28 px square it is 2.5 px, about the least the recipe's
     * blur reliably leaves blank (some pairs 0.3 apart are seen as one).
     */
    @Property(tries = 200)
    void twoCharactersWithBlankBetweenThemAreTwo(@ForAll long seed, @ForAll @DoubleRange(min = 0.4, max = 1.5) double gap) {
        assertThat(SideBySide.characters(preprocessor.toTensor(row(seed, 2, gap)), 0)).isEqualTo(2);
    }

    /** Three in the square leave less room: their gaps must be over three times as wide. */
    @Property(tries = 100)
    void threeCharactersWithWiderBlanksAreThree(@ForAll long seed, @ForAll @DoubleRange(min = 1.0, max = 2.0) double gap) {
        assertThat(SideBySide.characters(preprocessor.toTensor(row(seed, 3, gap)), 0)).isEqualTo(3);
    }

    @Test
    void piecesStackedInOneColumnSpanAreOneCharacter() {
        // An i: a dot over a stem, with blank rows between them but no blank column.
        float[] tensor = new float[EmnistTensor.PIXELS];
        fill(tensor, 12, 15, 4, 7);
        fill(tensor, 12, 15, 10, 24);

        assertThat(SideBySide.characters(tensor, 0)).isEqualTo(1);
    }

    @Test
    void aStrayMarkBesideACharacterIsNotACharacter() {
        float[] tensor = new float[EmnistTensor.PIXELS];
        fill(tensor, 8, 18, 4, 24);   // 10 x 20 of ink
        fill(tensor, 22, 23, 20, 22); // 1 x 2 speck: 1% of the ink

        assertThat(SideBySide.characters(tensor, 0)).isEqualTo(1);
    }

    @Test
    void aBlankTensorHoldsOneCharacterAtMost() {
        assertThat(SideBySide.characters(new float[EmnistTensor.PIXELS], 0)).isEqualTo(1);
    }

    private static void fill(float[] tensor, int x0, int x1, int y0, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                tensor[y * EmnistTensor.SIDE + x] = 1f;
            }
        }
    }

    /** {@code count} random glyphs in a row on white paper, their ink {@code gap} glyph heights apart. */
    private static BufferedImage row(long seed, int count, double gap) {
        int margin = SIZE / 2;
        // The pen (a sixth and a half of the size, round caps) reaches half its width beyond the glyph's box.
        double pen = SIZE / 6.5;
        int width = (int) (2 * margin + count * (SIZE + pen) + (count - 1) * gap * SIZE);
        BufferedImage paper = Glyphs.Glyph.random(seed).draw(width, 2 * margin + SIZE, margin, margin, SIZE);
        WritableRaster out = paper.getRaster();
        for (int k = 1; k < count; k++) {
            double left = margin + k * ((1 + gap) * SIZE + pen);
            WritableRaster glyph = Glyphs.Glyph.random(seed + k).draw(width, 2 * margin + SIZE, left, margin, SIZE).getRaster();
            for (int y = 0; y < paper.getHeight(); y++) {
                for (int x = 0; x < width; x++) {
                    out.setSample(x, y, 0, Math.min(out.getSample(x, y, 0), glyph.getSample(x, y, 0)));
                }
            }
        }
        return paper;
    }
}
