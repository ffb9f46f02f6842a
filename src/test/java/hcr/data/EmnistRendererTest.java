package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmnistRendererTest {
    /** One image: a solid ink block at rows 8-19, columns 4-11 (the left half); label 'K'. */
    private static final ImageSet BLOCK = ImageSet.wrap(block(), new byte[] {20}, LabelMap.byClass());

    @TempDir
    Path temp;

    @Test
    void plain28IsTheImageItselfAsPng() throws IOException {
        List<Path> files = new EmnistRenderer(RenderStyle.PLAIN28, 1)
                .writeAll(BLOCK, new int[] {0}, "dev", temp, ProgressListener.NONE);

        assertThat(files.get(0).getFileName().toString()).isEqualTo("dev-000000.png");
        BufferedImage read = ImageIO.read(files.get(0).toFile());
        assertThat(read.getWidth()).isEqualTo(28);
        for (int p = 0; p < ImageSet.PIXELS; p++) {
            assertThat(read.getRaster().getSample(p % 28, p / 28, 0)).as("pixel %d", p).isEqualTo(BLOCK.pixel(0, p));
        }
    }

    @Test
    void scanIsBlackInkOnWhiteUpscaledWithAMarginAsJpeg() throws IOException {
        List<Path> files = new EmnistRenderer(RenderStyle.SCAN, 1)
                .writeAll(BLOCK, new int[] {0}, "dev", temp, ProgressListener.NONE);

        BufferedImage scan = ImageIO.read(files.get(0).toFile());
        assertThat(files.get(0).toString()).endsWith(".jpg");
        assertThat(scan.getWidth()).isEqualTo(28 * 4 + 2 * 16);
        assertThat(grey(scan, 2, 2)).as("margin").isGreaterThan(230);
        assertThat(grey(scan, 16 + 4 * 7 + 2, 16 + 4 * 13 + 2)).as("inside the block").isLessThan(40);
        assertThat(grey(scan, 16 + 4 * 20 + 2, 16 + 4 * 13 + 2)).as("right of the block").isGreaterThan(230);
    }

    @Test
    void photoIsDarkInkOnLightPaperSomewhereOnALargerCanvas() {
        BufferedImage photo = new EmnistRenderer(RenderStyle.PHOTO, 5).render(BLOCK, 0);

        assertThat(photo.getWidth()).isGreaterThan(28 * 2);
        int[] values = photo.getRaster().getSamples(0, 0, photo.getWidth(), photo.getHeight(), 0, (int[]) null);
        Arrays.sort(values);
        int paper = values[values.length / 2];
        int darkest = values[0];
        assertThat(paper).as("paper").isBetween(150, 245);
        assertThat(darkest).as("ink").isLessThan(paper - 80);
    }

    @Test
    void photosAreReproducibleFromTheSeedAndVaryWithIt() {
        BufferedImage first = new EmnistRenderer(RenderStyle.PHOTO, 5).render(BLOCK, 0);
        BufferedImage again = new EmnistRenderer(RenderStyle.PHOTO, 5).render(BLOCK, 0);
        BufferedImage other = new EmnistRenderer(RenderStyle.PHOTO, 6).render(BLOCK, 0);

        assertThat(pixels(again)).isEqualTo(pixels(first));
        assertThat(pixels(other)).isNotEqualTo(pixels(first));
    }

    @Test
    void labelsCsvListsEachFileWithItsLabelAndCharacter() throws IOException {
        ImageSet set = FakeEmnist.randomByClass(40, 1);

        new EmnistRenderer(RenderStyle.PLAIN28, 1).writeAll(set, new int[] {10, 36}, "test", temp, ProgressListener.NONE);

        assertThat(Files.readAllLines(temp.resolve("labels.csv"))).containsExactly(
                "file,label,char", "test-000010.png,10,A", "test-000036.png,36,a");
        assertThat(temp.toFile().list()).containsExactlyInAnyOrder("labels.csv", "test-000010.png", "test-000036.png");
    }

    @Test
    void reportsProgressPerImage() throws IOException {
        long[] seen = new long[2];
        new EmnistRenderer(RenderStyle.PLAIN28, 1).writeAll(FakeEmnist.randomByClass(3, 1), new int[] {0, 1, 2}, "x", temp,
                new ProgressListener() {
                    @Override
                    public void total(long total) {
                        seen[0] = total;
                    }

                    @Override
                    public void done(long done) {
                        seen[1] = done;
                    }
                });

        assertThat(seen).containsExactly(3, 3);
    }

    private static byte[] block() {
        byte[] pixels = new byte[ImageSet.PIXELS];
        for (int row = 8; row < 20; row++) {
            for (int column = 4; column < 12; column++) {
                pixels[row * 28 + column] = (byte) 255;
            }
        }
        return pixels;
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getSamples(0, 0, image.getWidth(), image.getHeight(), 0, (int[]) null);
    }
}
