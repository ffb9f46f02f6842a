package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.OutsideTool;
import hcr.engine.EchoBackend;
import hcr.runtime.Backends;
import java.awt.image.BufferedImage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hcr infer} as users of tesseract or ImageMagick expect a command-line tool to behave. */
class InferUnixConventionsTest {
    @TempDir
    Path dir;
    Path model;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void echoModel() throws IOException {
        model = Files.writeString(dir.resolve("echo.model"), "any");
    }

    private int infer(String... args) {
        return EchoInfer.run(out, err, model, List.of(), args);
    }

    private Path picture(String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 4; i < 28; i++) {
            image.getRaster().setSample(i, 16, 0, 255);
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private List<String> csvPaths(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)).toList();
    }

    @Test
    void picturesAndDirectoriesAreArgumentsOrRepeatedInputsInTheOrderGiven() throws IOException {
        Path b = picture("b.png");
        picture("d/a.png");
        picture("d/c.png");
        Path e = picture("e.png");
        Path output = dir.resolve("p.csv");

        assertThat(infer(b.toString(), dir.resolve("d").toString(), "-o", output.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(csvPaths(output)).containsExactly(b.toString(), dir + "/d/a.png", dir + "/d/c.png");

        assertThat(infer("-i", e.toString(), "--input", b.toString(), "-o", output.toString())).isEqualTo(ExitCode.OK);
        assertThat(csvPaths(output)).containsExactly(e.toString(), b.toString());
    }

    @Test
    void noInputAtAllIsAUsageError() {
        assertThat(infer()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no input");
    }

    @Test
    void outputDashWritesTheCsvToStandardOutputAndNothingElseThere() throws IOException {
        Path a = picture("a.png");
        Path b = picture("b.png");

        assertThat(infer(a.toString(), b.toString(), "--output", "-")).isEqualTo(ExitCode.OK);

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("code,char,path");
        assertThat(lines.get(1)).endsWith("," + a);
        assertThat(Path.of("-")).doesNotExist();
        assertThat(err.toString()).contains("predictions in standard output");
    }

    @Test
    void jsonLinesCarryEveryCandidateAndTheirOwnErrorsFile() throws IOException {
        Path a = picture("a.png");
        Path bad = Files.writeString(dir.resolve("bad.png"), "not a picture");
        Path output = dir.resolve("p.jsonl");

        assertThat(infer(a.toString(), bad.toString(), "-o", output.toString(), "--top", "3")).isEqualTo(ExitCode.PARTIAL);

        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(1);
        JsonNode row = new ObjectMapper().readTree(lines.get(0));
        assertThat(row.get("path").asText()).isEqualTo(a.toString());
        assertThat(row.get("code").asInt()).isEqualTo(row.get("char").asText().codePointAt(0));
        assertThat(row.get("candidates")).hasSize(3);
        assertThat(row.get("candidates").get(0).get("char").asText()).isEqualTo(row.get("char").asText());
        JsonNode failure = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("p.errors.jsonl")).get(0));
        assertThat(failure.get("path").asText()).isEqualTo(bad.toString());
        assertThat(failure.get("reason").asText()).isNotEmpty();

        assertThat(infer(a.toString(), "--format", "jsonl", "-o", dir.resolve("other.txt").toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("other.txt"))).startsWith("{\"code\":");
    }

    @Test
    void hiddenFilesAndResourceForksAreSkippedAndCountedWithOtherNonPictures() throws IOException {
        picture("in/a.png");
        picture("in/.hidden.png");
        Files.writeString(dir.resolve("in/._a.png"), "AppleDouble");
        Files.writeString(dir.resolve("in/notes.txt"), "notes");

        assertThat(infer(dir.resolve("in").toString(), "-o", dir.resolve("p.csv").toString())).isEqualTo(ExitCode.OK);

        assertThat(csvPaths(dir.resolve("p.csv"))).containsExactly(dir + "/in/a.png");
        assertThat(err.toString()).contains("1 images: 1 predicted, 0 failed").contains("skipped 1 not pictures and 2 hidden");
    }

    @Test
    void theBackendFollowsTheModelWhenNotNamed() throws IOException {
        Path savedModel = Files.createDirectories(dir.resolve("saved_model"));

        assertThat(Backends.forModel(null, savedModel).name()).isEqualTo("tf");
        assertThat(Backends.forModel(null, dir.resolve("hcr.onnx")).name()).isEqualTo("onnx");
        assertThat(Backends.forModel(null, null).name()).isEqualTo(Backends.DEFAULT);
        assertThat(Backends.forModel("onnx", savedModel).name()).isEqualTo("onnx");
    }

    @Test
    void aSavedModelGivenToOnnxSaysWhatItIsAndWhatToDo() throws IOException {
        Path savedModel = Files.createDirectories(dir.resolve("saved_model"));
        Files.writeString(savedModel.resolve("saved_model.pb"), "");
        Path a = picture("a.png");

        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("infer", "--backend", "onnx", "--model", savedModel.toString(), a.toString(), "-o", "-");

        assertThat(code).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("is a TensorFlow SavedModel directory, not an ONNX file: use --backend tf");
    }

    @Test
    void aFifoIsNotAnEmptyFileAndDoesNotHangTheRun() throws IOException {
        Path fifo = dir.resolve("in/pipe.png");
        Files.createDirectories(fifo.getParent());
        assumeTrue(OutsideTool.run(List.of("mkfifo", fifo.toString()), dir, Map.of()).ok(), "no mkfifo: skipping");

        assertThat(infer(dir.resolve("in").toString(), "-o", dir.resolve("p.csv").toString())).isEqualTo(ExitCode.PARTIAL);

        assertThat(Files.readString(dir.resolve("p.errors.csv"))).contains("not a regular file").doesNotContain("empty file");
    }

    @Test
    void aSmallPixelLimitIsStatedInPixelsAndNamesItsOption() throws IOException {
        Path a = picture("a.png");

        assertThat(infer(a.toString(), "--max-pixels", "100", "-o", dir.resolve("p.csv").toString())).isEqualTo(ExitCode.PARTIAL);

        assertThat(err.toString()).contains("too many pixels: 32x32 is 1,024 pixels, the limit is 100 pixels (--max-pixels)");
    }

    @Test
    void aFailedWriteToStandardOutputIsAFailure() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full: skipping");
        Path a = picture("a.png");
        try (PrintWriter full = new PrintWriter(new OutputStreamWriter(new FileOutputStream("/dev/full"), StandardCharsets.UTF_8))) {
            CommandLine cl = Main.commandLine().setOut(full).setErr(new PrintWriter(err, true));

            int code = Main.run(cl, "infer", "--backend", EchoBackend.NAME, "--model", model.toString(), a.toString(), "-o", "-");

            assertThat(code).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString()).contains("cannot write");
        }
    }
}
