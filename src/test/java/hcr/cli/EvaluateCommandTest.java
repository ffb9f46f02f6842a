package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import hcr.data.LabelMap;
import hcr.data.Part;
import hcr.eval.EmnistFixture;
import hcr.eval.JsonReport;
import hcr.runtime.tf.TinySavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvaluateCommandTest {
    @TempDir
    static Path fixtures;
    static Path model;
    static Path data;

    @TempDir
    Path reports;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /**
     * A 62-class model that, on the fixture's blank images, gives every label the same probability
     * (so predicts "0"), over dev images labelled i % 62: the figures are known in advance.
     */
    @BeforeAll
    static void writeFixtures() throws IOException {
        model = TinySavedModel.write(fixtures.resolve("model"), 62, LabelMap.byClass().characters());
        data = Files.createDirectory(fixtures.resolve("emnist"));
        EmnistFixture.writePart(data, Part.DEV, 25);
    }

    @Test
    void evaluatesTheDevHoldoutAndWritesAllFourReports() throws IOException {
        int exit = run("evaluate", "--backend", "tf", "--model", model.toString(), "--data", data.toString(), "--report-dir", reports.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonReport.Document report = JsonReport.read(reports.resolve("report.json"));
        assertThat(report.images()).isEqualTo(3); // images 0, 10, 20: labels 0, A, K
        assertThat(report.accuracy()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(report.loss()).isCloseTo(Math.log(62), within(1e-4));
        assertThat(report.data()).contains("dev holdout (image i with i % 10 == 0)");
        assertThat(Files.readAllLines(reports.resolve("confusion.csv"))).hasSize(63);
        assertThat(ImageIO.read(reports.resolve("confusion.png").toFile()).getWidth()).isGreaterThan(62 * 10);
        assertThat(out.toString()).contains("accuracy                        33.33%").contains("A -> 0");
        assertThat(err.toString()).contains("scored 3 images");
    }

    @Test
    void allAndLimitChooseTheImages() throws IOException {
        int exit = run("evaluate", "--backend", "tf", "--model", model.toString(), "--data", data.toString(), "--report-dir", reports.toString(),
                "--part", "dev", "--all", "--limit", "7", "--batch-size", "2");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(JsonReport.read(reports.resolve("report.json")).images()).isEqualTo(7);
    }

    @Test
    void aMissingModelFailsWithItsPathBeforeReadingData() {
        Path missing = fixtures.resolve("no-such-model");
        int exit = run("evaluate", "--backend", "tf", "--model", missing.toString(), "--data", "/nowhere", "--report-dir", reports.toString());

        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: TensorFlow model directory not found: " + missing).doesNotContain("Exception");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void missingDataFailsWithAHint() {
        int exit = run("evaluate", "--backend", "tf", "--model", model.toString(), "--data", fixtures.resolve("none").toString());

        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("no EMNIST data at").doesNotContain("Exception");
    }

    @Test
    void badNumbersAndConflictingOptionsAreUsageErrors() {
        assertThat(run("evaluate", "--batch-size", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(run("evaluate", "--holdout-modulus", "1")).isEqualTo(ExitCode.USAGE);
        assertThat(run("evaluate", "--holdout", "--all")).isEqualTo(ExitCode.USAGE);
        assertThat(run("evaluate", "--part", "validation")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'validation' is not a part");
    }

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
