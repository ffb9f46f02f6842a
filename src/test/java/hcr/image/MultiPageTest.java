package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A file holding several pictures (multi-page TIFF, animated GIF or WebP) is read as its first one, and the decoder says so. */
class MultiPageTest {
    @TempDir
    Path dir;

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final ImageDecoder decoder = ImageDecoder.withDefaults().withNotices((picture, notice) -> notices.add(picture + ": " + notice));

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tif, pages", "gif, frames"})
    void readsTheFirstPageOnlyAndTellsHowManyThereWere(String format, String what) throws Exception {
        Path file = writeSequence(format, dir.resolve("three." + format), mark(0), mark(30), mark(30));

        BufferedImage decoded = decoder.decode(file);

        assertThat(Renderings.grey(decoded, 5, 5)).as("the first page's mark, top left").isLessThan(60);
        assertThat(Renderings.grey(decoded, 35, 35)).as("not the later pages' mark").isGreaterThan(200);
        assertThat(notices).containsExactly(file + ": 3 " + what + "; only the first is read");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tif", "gif"})
    void aSinglePageNeedsNoNotice(String format) throws Exception {
        Path file = writeSequence(format, dir.resolve("one." + format), mark(0));

        decoder.decode(file);

        assertThat(notices).isEmpty();
    }

    @Test
    void picturesInMemoryAreNamedPictureInTheNotice() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(writeSequence("gif", dir.resolve("two.gif"), mark(0), mark(30)));

        decoder.decode(bytes, Function.identity());

        assertThat(notices).containsExactly("picture: 2 frames; only the first is read");
    }

    @Test
    void anAnimatedWebpIsReadAsItsFirstFrame() {
        byte[] webp = TaggedPictures.animatedWebp(blackAndWhite(mark(0)), blackAndWhite(mark(30)));

        BufferedImage decoded = decoder.decode(webp, Function.identity());

        assertThat(Renderings.grey(decoded, 5, 5)).as("the first frame's mark, top left").isLessThan(60);
        assertThat(Renderings.grey(decoded, 35, 35)).as("not the second frame's mark").isGreaterThan(200);
        assertThat(notices).containsExactly("picture: 2 frames; only the first is read");
    }

    private static BufferedImage blackAndWhite(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return grey;
    }

    /** 40x40 white with a black 10x10 square at (at, at). */
    private static BufferedImage mark(int at) {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(at, at, 10, 10);
        g.dispose();
        return image;
    }

    private static Path writeSequence(String format, Path file, BufferedImage... pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersBySuffix(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage page : pages) {
                writer.writeToSequence(new IIOImage(page, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }
}
