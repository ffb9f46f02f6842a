package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcr infer} still predicts a picture that is not one character, and says so. */
class InferNotesTest {
    @TempDir
    Path dir;
    Path input;
    Path model;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        input = Files.createDirectory(dir.resolve("pictures"));
        model = Files.writeString(dir.resolve("echo.model"), "any");
        picture("one.png", 1);
        picture("two.png", 2);
    }

    private int infer(String... extra) {
        return EchoInfer.run(out, err, model, List.of("--input", input.toString()), extra);
    }

    /** {@code strokes} upright pen strokes in a row, a stroke's height apart. */
    private void picture(String name, int strokes) throws IOException {
        BufferedImage image = new BufferedImage(80 + 60 * strokes, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(8));
        for (int k = 0; k < strokes; k++) {
            int x = 40 + 60 * k;
            g.drawLine(x, 30, x + 20, 90);
        }
        g.dispose();
        ImageIO.write(image, "png", input.resolve(name).toFile());
    }

    @Test
    void withNotesTheCsvEndsInANoteColumnEmptyForOneCharacter() throws IOException {
        Path csv = dir.resolve("p.csv");

        int code = infer("--output", csv.toString(), "--notes");

        assertThat(code).isEqualTo(ExitCode.OK);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("code,char,path,note");
        assertThat(lines.get(1)).endsWith("," + input.resolve("one.png") + ",");
        assertThat(lines.get(2)).endsWith("," + input.resolve("two.png") + ",looks like 2 characters side by side: hcr read reads them");
    }

    @Test
    void withoutNotesTheLinesAreUnchangedAndTheSummaryCountsThem() throws IOException {
        Path csv = dir.resolve("p.csv");

        infer("--output", csv.toString());

        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("code,char,path");
        assertThat(Files.readAllLines(csv)).allSatisfy(line -> assertThat(line.split(",")).hasSize(3));
        assertThat(out.toString()).contains("two.png").doesNotContain("side by side");
        assertThat(err.toString()).contains("1 noted (1 look like several characters: hcr read reads them)");
    }

    @Test
    void jsonLinesCarryTheNoteWhereThereIsOne() throws IOException {
        Path jsonl = dir.resolve("p.jsonl");

        infer("--output", jsonl.toString(), "--quiet");

        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines.get(0)).doesNotContain("\"note\"");
        assertThat(lines.get(1)).endsWith(",\"note\":\"looks like 2 characters side by side: hcr read reads them\"}");
    }
}
