package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcr read} end to end with the shipped ONNX model (skips without it). */
class ReadCommandTest {
    private static final Path MODEL = Path.of("onnx/hcr.onnx").toAbsolutePath();

    @TempDir
    Path dir;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void needsModel() {
        assumeTrue(Files.isRegularFile(MODEL), "no shipped model at " + MODEL + ": skipping");
    }

    private int read(String... args) {
        List<String> all = new ArrayList<>(List.of("read", "--model", MODEL.toString()));
        all.addAll(Arrays.asList(args));
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    /** Three vertical bars, well apart: a line of three "1"s. */
    private Path ones(String name) throws IOException {
        BufferedImage image = new BufferedImage(160, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 60);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(5));
        for (int x = 30; x <= 130; x += 50) {
            g.drawLine(x, 12, x, 48);
        }
        g.dispose();
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void readsEveryPictureOfADirectoryAsText() throws IOException {
        ones("a.png");
        ones("b.png");
        assertThat(read("--charset", "digits", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l).endsWith(": 111"));
    }

    @Test
    void aBrokenOrMissingPictureIsListedAndTheRestStillRead() throws IOException {
        Path good = ones("good.png");
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
        Path output = dir.resolve("out.csv");

        int code = read("--format", "csv", "--charset", "digits", "--output", output.toString(),
                good.toString(), broken.toString(), dir.resolve("missing.png").toString());

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(Files.readAllLines(output)).hasSize(4);
        List<String> errors = Files.readAllLines(dir.resolve("out.errors.csv"));
        assertThat(errors).hasSize(3);
        assertThat(errors.get(2)).contains("missing.png").contains("no such file");
        assertThat(err.toString()).contains("broken.png").doesNotContain("Exception");
    }

    @Test
    void neverReplacesAFileItDidNotWriteWithoutForce() throws IOException {
        ones("a.png");
        Path output = Files.writeString(dir.resolve("notes.json"), "my notes");

        assertThat(read("--format", "json", "--output", output.toString(), dir.resolve("a.png").toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(Files.readString(output)).isEqualTo("my notes");
        assertThat(err.toString()).contains("--force");

        assertThat(read("--format", "json", "--output", output.toString(), "--force", dir.resolve("a.png").toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(output)).startsWith("{");
        // Its own file it replaces freely.
        assertThat(read("--format", "json", "--output", output.toString(), dir.resolve("a.png").toString()))
                .isEqualTo(ExitCode.OK);
    }

    @Test
    void aBlankPictureReadsAsAnEmptyField() throws IOException {
        BufferedImage white = new BufferedImage(50, 30, BufferedImage.TYPE_BYTE_GRAY);
        white.getGraphics().fillRect(0, 0, 50, 30);
        Path file = dir.resolve("blank.png");
        ImageIO.write(white, "png", file.toFile());
        Path output = dir.resolve("r.json");
        assertThat(read("--format", "json", "--output", output.toString(), file.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(output)).contains("\"lines\" : [ ]");
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        assertThat(read("--format", "pdf", "x.png")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'pdf' is not a format");
    }
}
