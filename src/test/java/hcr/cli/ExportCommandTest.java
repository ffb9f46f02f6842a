package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.export.CnnSavedModel;
import hcr.runtime.ModelCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    static Path shared;
    static Path savedModel;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void trainedModel() {
        savedModel = CnnSavedModel.write(shared.resolve("saved_model"));
    }

    private int hcr(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void exportsOnnxWithTheCardBesideIt() {
        Path onnx = dir.resolve("onnx/hcr.onnx");
        int code = hcr("export", "--format", "onnx", "--model", savedModel.toString(), "--output", onnx.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(onnx).isNotEmptyFile();
        assertThat(onnx.resolveSibling("hcr.model-card.json")).isNotEmptyFile();
        assertThat(out.toString()).startsWith("wrote " + onnx).contains("62 classes");
    }

    @Test
    void resavesTheSavedModelElsewhereReplacingAnOlderCopy() {
        Path copy = dir.resolve("copy");
        assertThat(hcr("export", "--format", "savedmodel", "--model", savedModel.toString(), "--output", copy.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(hcr("export", "--format", "savedmodel", "--model", savedModel.toString(), "--output", copy.toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);

        assertThat(copy.resolve("saved_model.pb")).hasSameBinaryContentAs(savedModel.resolve("saved_model.pb"));
        assertThat(copy.resolve(ModelCard.FILE_NAME)).hasSameBinaryContentAs(savedModel.resolve(ModelCard.FILE_NAME));
        assertThat(dir.toFile().list()).containsExactly("copy");
    }

    @Test
    void savedModelFormatNeedsAnOutput() {
        assertThat(hcr("export", "--format", "savedmodel", "--model", savedModel.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--format savedmodel needs --output DIR");
    }

    @Test
    void unknownFormatIsAUsageError() {
        assertThat(hcr("export", "--format", "tflite")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anUntranslatableOpFailsWithItsNameAndNoStackTrace() {
        Path tanh = CnnSavedModel.write(dir.resolve("tanh"), 28, true, 62);
        int code = hcr("export", "--model", tanh.toString(), "--output", dir.resolve("t.onnx").toString());

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: TF op 'Tanh' (node '").doesNotContain("\tat ");
    }
}
