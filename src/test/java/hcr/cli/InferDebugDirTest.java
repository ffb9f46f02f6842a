package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.engine.DebugPictures;
import hcr.image.EmnistPreprocessor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcr infer --debug-dir}: the picture the model saw, per input, under hcr's write policy. */
class InferDebugDirTest {
    @TempDir
    Path dir;
    Path input;
    Path model;
    Path debug;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        input = Files.createDirectory(dir.resolve("pictures"));
        model = Files.writeString(dir.resolve("echo.model"), "any");
        debug = dir.resolve("seen");
    }

    private int infer(String... extra) {
        return EchoInfer.run(out, err, model, List.of("--output", dir.resolve("predictions.csv").toString(), "--quiet"), extra);
    }

    private static BufferedImage stroke(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(side / 8f));
        g.drawLine(side / 4, side / 5, side * 3 / 4, side * 4 / 5);
        g.dispose();
        return image;
    }

    private Path picture(String name) throws IOException {
        Path file = input.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(stroke(60), "png", file.toFile());
        return file;
    }

    @Test
    void writesTheTensorTheModelSawNamedAfterTheInputsRelativePath() throws IOException {
        picture("a.png");
        picture("sub/b.png");

        int code = infer("--input", input.toString(), "--recursive", "--debug-dir", debug.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        Path a = debug.resolve("pictures/a.png" + DebugPictures.SUFFIX);
        assertThat(a).exists();
        assertThat(debug.resolve("pictures/sub/b.png" + DebugPictures.SUFFIX)).exists();
        BufferedImage seen = ImageIO.read(a.toFile());
        assertThat(seen.getWidth()).isEqualTo(28);
        assertThat(seen.getHeight()).isEqualTo(28);
        float[] tensor = new EmnistPreprocessor().toTensor(stroke(60));
        for (int i = 0; i < 28 * 28; i++) {
            assertThat(seen.getRaster().getSample(i % 28, i / 28, 0)).isEqualTo(Math.round(255 * tensor[i]));
        }
    }

    @Test
    void twoInputsOfTheSameNameGetTheirPositionInFront() throws IOException {
        Path one = Files.createDirectories(dir.resolve("one/x"));
        Path two = Files.createDirectories(dir.resolve("two/x"));
        ImageIO.write(stroke(60), "png", one.resolve("c.png").toFile());
        ImageIO.write(stroke(60), "png", two.resolve("c.png").toFile());

        assertThat(infer("--input", one.toString(), "--input", two.toString(), "--debug-dir", debug.toString()))
                .isEqualTo(ExitCode.OK);

        assertThat(debug.resolve("1-x/c.png" + DebugPictures.SUFFIX)).exists();
        assertThat(debug.resolve("2-x/c.png" + DebugPictures.SUFFIX)).exists();
    }

    @Test
    void runsAgainOverItsOwnDebugDirectoryButNeverOverSomeoneElses() throws IOException {
        picture("a.png");
        assertThat(infer("--input", input.toString(), "--debug-dir", debug.toString())).isEqualTo(ExitCode.OK);
        assertThat(infer("--input", input.toString(), "--debug-dir", debug.toString())).isEqualTo(ExitCode.OK);

        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "my notes");
        int code = infer("--input", input.toString(), "--debug-dir", foreign.toString());

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("is not an hcr debug directory").doesNotContain("Exception");
        assertThat(foreign.resolve("notes.txt")).hasContent("my notes");
        try (Stream<Path> files = Files.list(foreign)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void refusesADebugDirectoryInsideTheInputWhereItsPicturesWouldBeReadNextTime() throws IOException {
        picture("a.png");

        int code = infer("--input", input.toString(), "--debug-dir", input.resolve("seen").toString());

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("inside the input");
        assertThat(input.resolve("seen")).doesNotExist();
    }

    @Test
    void aDebugPictureThatCannotBeWrittenIsReportedAndThePictureStillRecognised() throws IOException {
        picture("a.png");
        picture("b.png");
        assertThat(infer("--input", input.toString(), "--debug-dir", debug.toString())).isEqualTo(ExitCode.OK);
        // A directory (of hcr's own pictures) where a.png's file goes: no rename can replace it, even as root.
        Path blocked = debug.resolve("pictures/a.png" + DebugPictures.SUFFIX);
        Files.delete(blocked);
        Files.createDirectories(blocked);
        Files.copy(debug.resolve("pictures/b.png" + DebugPictures.SUFFIX), blocked.resolve("x" + DebugPictures.SUFFIX));

        int code = infer("--input", input.toString(), "--debug-dir", debug.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("a.png: cannot write").doesNotContain("b.png: cannot write")
                .doesNotContain("Exception");
        assertThat(Files.readAllLines(dir.resolve("predictions.csv"))).hasSize(3);
    }
}
