package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GreyReaderTest {
    private final GreyReader reader = new GreyReader();

    @Test
    void readsAGreySubimageFromItsPlaceInTheSharedRaster() {
        BufferedImage whole = randomImage(BufferedImage.TYPE_BYTE_GRAY, 10, 8, new Random(1));
        BufferedImage part = whole.getSubimage(3, 2, 5, 4);

        GreyImage grey = read(part);

        assertThat(grey.width).isEqualTo(5);
        assertThat(grey.height).isEqualTo(4);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 5; x++) {
                assertThat(grey.pixels[y * 5 + x] & 0xFF).isEqualTo(whole.getRaster().getSample(3 + x, 2 + y, 0));
            }
        }
    }

    @Test
    void readsAColourSubimageAsTheSameLumaAsAnIntRgbCopy() {
        BufferedImage part = randomImage(BufferedImage.TYPE_3BYTE_BGR, 12, 9, new Random(2)).getSubimage(4, 1, 6, 7);
        BufferedImage copy = new BufferedImage(6, 7, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);

        assertThat(read(part).pixels).startsWith(java.util.Arrays.copyOf(read(copy).pixels, 6 * 7));
    }

    @Test
    void shrinksLargePicturesByBlockMeansIncludingThePartialBlocksAtTheEdges() {
        int w = 2 * GreyReader.MAX_WORKING_SIDE + 5;
        int h = 7;
        BufferedImage picture = randomImage(BufferedImage.TYPE_BYTE_GRAY, w, h, new Random(3));

        GreyImage grey = read(picture);

        int factor = 3;
        assertThat(grey.width).isEqualTo((w + factor - 1) / factor);
        assertThat(grey.height).isEqualTo(3);
        for (int oy = 0; oy < grey.height; oy++) {
            for (int ox = 0; ox < grey.width; ox++) {
                int sum = 0;
                int count = 0;
                for (int y = oy * factor; y < Math.min(h, (oy + 1) * factor); y++) {
                    for (int x = ox * factor; x < Math.min(w, (ox + 1) * factor); x++) {
                        sum += picture.getRaster().getSample(x, y, 0);
                        count++;
                    }
                }
                assertThat(grey.pixels[oy * grey.width + ox] & 0xFF).isEqualTo(sum / count);
            }
        }
    }

    private GreyImage read(BufferedImage image) {
        GreyImage grey = new GreyImage();
        reader.read(image, grey);
        return grey;
    }

    private static BufferedImage randomImage(int type, int w, int h, Random random) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int band = 0; band < image.getRaster().getNumBands(); band++) {
                    image.getRaster().setSample(x, y, band, random.nextInt(256));
                }
            }
        }
        return image;
    }
}
