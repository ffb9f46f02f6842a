package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaledJpegDecoderTest {
    /** A phone photo's size: 4032x3024 decodes at 1/4, the 1008x756 the preprocessing would average it down to. */
    private static final int WIDTH = 4032;
    private static final int HEIGHT = 3024;

    private static BufferedImage photo;
    private static byte[] photoJpeg;

    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @TempDir
    Path dir;

    @BeforeAll
    static void photo() throws Exception {
        photo = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        for (int x = 0; x < WIDTH; x += 8) { // uneven light: paper darkens to the right
            int level = 240 - 50 * x / WIDTH;
            g.setColor(new Color(level, level - 5, level - 20));
            g.fillRect(x, 0, 8, HEIGHT);
        }
        g.setColor(new Color(30, 30, 40));
        g.fillRect(400, 300, 800, 600); // a dark mark top left
        g.dispose();
        photoJpeg = Renderings.jpegBytes(photo, 0.9f);
    }

    @ParameterizedTest(name = "{0}x{1} -> 1/{2}")
    @CsvSource({"128, 128, 1", "1024, 768, 1", "1025, 1025, 2", "1999, 1000, 2", "2000, 1500, 4", "2048, 1536, 4",
                "3000, 2000, 4", "3999, 3000, 4", "4032, 3024, 8", "3024, 4032, 8", "8192, 6144, 8", "20000, 100, 8"})
    void shrinksPicturesThePreprocessingWouldAverageDownKeepingAtLeastTheDecodedSide(int width, int height, int reduction) {
        assertThat(ScaledJpegDecoder.reductionFor(width, height)).isEqualTo(reduction);
    }

    @Test
    void decodesALargePhotoAtTheWorkingSizeWithTheGreyOfTheFullDecodeAveraged() throws Exception {
        assumeScaledDecoding();
        BufferedImage decoded = decoder.decode(Renderings.writeFile(photo, "jpg", dir.resolve("photo.jpg")));

        assertThat(decoded.getWidth()).isEqualTo(WIDTH / 8);
        assertThat(decoded.getHeight()).isEqualTo(HEIGHT / 8);
        // Against the full-size picture averaged over 8x8 blocks.
        int[] full = blockMeans(fullDecode(photoJpeg), 8);
        GreyImage scaled = new GreyImage();
        new GreyReader().read(decoded, scaled);
        assertThat(scaled.width * scaled.height).isEqualTo(full.length);
        long total = 0;
        int worst = 0;
        for (int i = 0; i < full.length; i++) {
            int d = Math.abs(full[i] - (scaled.pixels[i] & 0xFF));
            total += d;
            worst = Math.max(worst, d);
        }
        assertThat((double) total / full.length).as("mean grey difference").isLessThan(1.0);
        assertThat(worst).as("largest grey difference (at the mark's edges)").isLessThan(40);
    }

    @Test
    void scalesPicturesGivenAsBytesToo() {
        assumeScaledDecoding();
        int width = decoder.decode(photoJpeg, BufferedImage::getWidth);
        assertThat(width).isEqualTo(WIDTH / 8);
    }

    @Test
    void turnsALargePhotoTakenSidewaysUpright() throws Exception {
        assumeScaledDecoding();
        Path file = dir.resolve("sideways.jpg");
        Files.write(file, TaggedPictures.jpeg(photoJpeg, 6)); // "rotate 90 degrees clockwise to view"

        BufferedImage decoded = decoder.decode(file);

        assertThat(decoded.getWidth()).isEqualTo(HEIGHT / 8);
        assertThat(decoded.getHeight()).isEqualTo(WIDTH / 8);
        // Raster samples, not getRGB: that would lift a grey image's darks through its linear colour space.
        assertThat(decoded.getRaster().getSample(HEIGHT / 8 - 75, 100, 0)).as("the mark, now top right").isLessThan(60);
        assertThat(decoded.getRaster().getSample(50, 300, 0)).as("paper").isGreaterThan(150);
    }

    @Test
    void aTruncatedLargePhotoIsRejectedAsBefore() throws Exception {
        assumeScaledDecoding();
        Path cut = dir.resolve("cut.jpg");
        Files.write(cut, Arrays.copyOf(photoJpeg, photoJpeg.length / 2));

        assertThatThrownBy(() -> decoder.decode(cut))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("truncated or corrupt JPEG");
    }

    @Test
    void leavesPicturesThePreprocessingKeepsWholeToImageIo() throws Exception {
        BufferedImage small = new BufferedImage(1024, 700, BufferedImage.TYPE_BYTE_GRAY);
        Path file = Renderings.writeFile(small, "jpg", dir.resolve("small.jpg"));
        assertThat(decoder.decode(file).getWidth()).isEqualTo(1024);
    }

    private static void assumeScaledDecoding() {
        assumeTrue(ScaledJpegDecoder.instance().isPresent(), "libjpeg-turbo natives (Leptonica preset) not loadable here");
    }

    /** The BT.601 luma of {@code image} averaged over blocks of {@code block} x {@code block} pixels, row by row. */
    private static int[] blockMeans(BufferedImage image, int block) {
        int w = image.getWidth() / block;
        int h = image.getHeight() / block;
        int[] means = new int[w * h];
        for (int y = 0; y < h * block; y++) {
            for (int x = 0; x < w * block; x++) {
                int rgb = image.getRGB(x, y);
                means[(y / block) * w + x / block] += (77 * ((rgb >> 16) & 0xFF) + 150 * ((rgb >> 8) & 0xFF) + 29 * (rgb & 0xFF) + 128) >> 8;
            }
        }
        for (int i = 0; i < means.length; i++) {
            means[i] = Math.round(means[i] / (float) (block * block));
        }
        return means;
    }

    private static BufferedImage fullDecode(byte[] jpeg) throws Exception {
        return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg));
    }
}
