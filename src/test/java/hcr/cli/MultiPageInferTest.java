package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcr infer} over a multi-page TIFF and an animated GIF: each file is one CSV row for its
 * first page, and stderr says that the other pages were not read (as each file is decoded, so in any order).
 */
class MultiPageInferTest {
    @TempDir
    Path dir;

    @Test
    void aFileOfSeveralPagesIsOneRowForItsFirstPageAndAWarningOnStderr() throws IOException {
        Path input = Files.createDirectory(dir.resolve("pictures"));
        Path tiff = writeSequence("tif", input.resolve("scan.tif"), 3);
        Path gif = writeSequence("gif", input.resolve("animated.gif"), 2);
        Path png = writeSequence("png", input.resolve("single.png"), 1);
        Path output = dir.resolve("predictions.csv");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(
                "infer", "--backend", "test-echo", "--model", Files.writeString(dir.resolve("echo.model"), "any").toString(),
                "--input", input.toString(), "--output", output.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        List<String> rows = Files.readAllLines(output);
        assertThat(rows).hasSize(4).first().isEqualTo("code,char,path");
        assertThat(rows.subList(1, 4)).extracting(row -> row.substring(row.lastIndexOf(',') + 1))
                .containsExactly(gif.toString(), tiff.toString(), png.toString());
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(err.toString().lines().filter(line -> line.contains("only the first")))
                .containsExactlyInAnyOrder("hcr: " + gif + ": 2 frames; only the first is read",
                        "hcr: " + tiff + ": 3 pages; only the first is read");
        assertThat(err.toString()).contains("3 images: 3 predicted, 0 failed");
    }

    /** {@code pages} pictures of a diagonal stroke in one file (PNG holds only one). */
    private static Path writeSequence(String format, Path file, int pages) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersBySuffix(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            if (pages == 1) {
                writer.write(stroke());
            } else {
                writer.prepareWriteSequence(null);
                for (int i = 0; i < pages; i++) {
                    writer.writeToSequence(new IIOImage(stroke(), null, null), null);
                }
                writer.endWriteSequence();
            }
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static BufferedImage stroke() {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(5));
        g.drawLine(10, 8, 30, 32);
        g.dispose();
        return image;
    }
}
