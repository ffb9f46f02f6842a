package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EMNIST's IDX files store images transposed; the loader must hand them out upright. */
class IdxOrientationTest {
    @TempDir
    Path temp;

    @Test
    void theWriterFollowsNistsTransposedLayout() {
        byte[] pixels = new byte[ImageSet.PIXELS];
        pixels[0 * 28 + 5] = (byte) 200; // upright: row 0, column 5
        byte[] idx = IdxWriter.images(ImageSet.wrap(pixels, new byte[1], LabelMap.byClass()));

        int header = 16;
        assertThat(idx[header + 5 * 28 + 0] & 0xFF).as("stored at column-major offset").isEqualTo(200);
        assertThat(idx[header + 5] & 0xFF).isZero();
    }

    @Test
    void aRenderedUprightGlyphSurvivesWritingTransposedIdxAndReadingBack() {
        ImageSet glyph = ImageSet.wrap(drawUpright("F"), new byte[] {15}, LabelMap.byClass());
        Path dir = FakeEmnist.writeDirectory(temp, FakeEmnist.files("byclass", Part.TEST, glyph, true));

        ImageSet loaded = Emnist.load(dir, "byclass", Part.TEST);

        EmnistLoadTest.assertSameImages(loaded, glyph);
        assertThat(inkInRows(loaded, 0, 14)).as("an F is heavier on top").isGreaterThan(inkInRows(loaded, 14, 28));
        assertThat(inkInColumns(loaded, 0, 14)).as("an F is heavier on the left").isGreaterThan(inkInColumns(loaded, 14, 28));
    }

    /** A 28x28 glyph drawn by Java2D (upright by construction), white ink on black, as EMNIST. */
    private static byte[] drawUpright(String character) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString(character, 7, 24);
        g.dispose();
        byte[] pixels = new byte[ImageSet.PIXELS];
        image.getRaster().getDataElements(0, 0, 28, 28, pixels);
        return pixels;
    }

    private static long inkInRows(ImageSet set, int from, int to) {
        long sum = 0;
        for (int row = from; row < to; row++) {
            for (int column = 0; column < 28; column++) {
                sum += set.pixel(0, row * 28 + column);
            }
        }
        return sum;
    }

    private static long inkInColumns(ImageSet set, int from, int to) {
        long sum = 0;
        for (int row = 0; row < 28; row++) {
            for (int column = from; column < to; column++) {
                sum += set.pixel(0, row * 28 + column);
            }
        }
        return sum;
    }
}
