package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The decoder keeps one reader per thread and format: nothing of one picture may leak into the next. */
class ImageDecoderReuseTest {
    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @TempDir
    Path dir;

    @Test
    void decodesPicturesOfMixedFormatsAndSizesOneAfterAnother() throws IOException {
        String[] formats = {"png", "jpg", "png", "bmp", "jpg", "gif", "tiff", "jpg"};
        for (int i = 0; i < formats.length; i++) {
            int width = 20 + 7 * i;
            Path file = write(squareAt(width, 30, i), formats[i], i + "." + formats[i]);

            BufferedImage decoded = decoder.decode(file);

            assertThat(decoded.getWidth()).as(file.toString()).isEqualTo(width);
            assertThat(Renderings.grey(decoded, i + 2, 5)).as("ink of " + file).isLessThan(80);
            assertThat(Renderings.grey(decoded, width - 2, 28)).as("paper of " + file).isGreaterThan(180);
        }
    }

    @Test
    void aCorruptPictureDoesNotSpoilTheNextOneOfTheSameFormat() throws IOException {
        Path good = write(squareAt(64, 64, 0), "jpg", "good.jpg");
        byte[] whole = Files.readAllBytes(good);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
        BufferedImage before = decoder.decode(good);

        assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(UnreadableImageException.class);
        BufferedImage after = decoder.decode(good);

        assertThat(pixels(after)).isEqualTo(pixels(before));
    }

    @Test
    void decodesTheSameFilesAlikeOnManyThreadsAtOnce() throws Exception {
        Path[] files = new Path[6];
        int[][] expected = new int[files.length][];
        for (int i = 0; i < files.length; i++) {
            files[i] = write(squareAt(40, 40, i), i % 2 == 0 ? "png" : "jpg", "p" + i + (i % 2 == 0 ? ".png" : ".jpg"));
            expected[i] = pixels(decoder.decode(files[i]));
        }
        int[][][] seen = new int[4][files.length][];
        Thread[] threads = new Thread[seen.length];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                for (int round = 0; round < 20; round++) {
                    for (int i = 0; i < files.length; i++) {
                        seen[thread][i] = pixels(decoder.decode(files[(i + thread) % files.length]));
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (int t = 0; t < threads.length; t++) {
            for (int i = 0; i < files.length; i++) {
                assertThat(seen[t][i]).as("thread %d, file %d", t, (i + t) % files.length)
                        .isEqualTo(expected[(i + t) % files.length]);
            }
        }
    }

    /** White paper with a black 10x10 square whose left edge is at {@code x}. */
    private static BufferedImage squareAt(int width, int height, int x) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillRect(x, 0, 10, 10);
        g.dispose();
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        return Renderings.writeFile(image, format, dir.resolve(name));
    }
}
