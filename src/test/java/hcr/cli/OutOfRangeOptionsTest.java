package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.engine.EchoBackend;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every out-of-range value is a usage error (exit 2) whose message names the one option that is
 * wrong, in every command: never a stack trace, a raw OutOfMemoryError or a malformed output.
 */
class OutOfRangeOptionsTest {
    @TempDir
    static Path dir;
    static String picture;
    static String model;

    @BeforeAll
    static void inputs() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(8, 8, 0, 255);
        picture = dir.resolve("a.png").toString();
        ImageIO.write(image, "png", new java.io.File(picture));
        model = Files.writeString(dir.resolve("echo.model"), "any").toString();
    }

    static Stream<Arguments> cases() {
        String out = dir.resolve("p.csv").toString();
        String[] infer = {"infer", "--backend", EchoBackend.NAME, "--model", model, picture, "-o", out};
        String train = dir.resolve("m").toString();
        return Stream.of(
                Arguments.of("--batch-size", with(infer, "--batch-size", "1000000")),
                Arguments.of("--batch-size", with(infer, "--batch-size", "0")),
                Arguments.of("--top", with(infer, "--top", "63")),
                Arguments.of("--timeout", with(infer, "--timeout", "1e-12")),
                Arguments.of("--timeout", with(infer, "--timeout", "NaN")),
                Arguments.of("--threads", with(infer, "--threads", "5000")),
                Arguments.of("--max-pixels", with(infer, "--max-pixels", "0")),
                Arguments.of("--format", with(infer, "--format", "xml")),
                Arguments.of("backend", new String[] {"infer", "--backend", "foo", picture, "-o", out}),
                Arguments.of("backend", new String[] {"evaluate", "--backend", "foo", "--report-dir", dir.resolve("r").toString()}),
                Arguments.of("--backend", new String[] {"train", "--backend", "foo", "--output", train}),
                Arguments.of("--batch-size", new String[] {"evaluate", "--batch-size", "1000000"}),
                Arguments.of("--conv", new String[] {"train", "--conv", "99999999,1", "--output", train}),
                Arguments.of("--conv", new String[] {"train", "--conv", "32", "--output", train}),
                Arguments.of("--batch-size", new String[] {"train", "--batch-size", "1000000", "--output", train}),
                Arguments.of("--threads", new String[] {"train", "--threads", "5000", "--output", train}),
                Arguments.of("--limit", new String[] {"train", "--limit", "0", "--output", train}),
                Arguments.of("--average-weights", new String[] {"train", "--average-weights", "1", "--output", train}),
                Arguments.of("--distill-weight", new String[] {"train", "--distill-weight", "0", "--output", train}),
                Arguments.of("--teacher", new String[] {"train", "--teacher", dir.toString(), "--output", train}),
                Arguments.of("--url", new String[] {"data", "download", "--dir", dir.toString(), "--url", "notaurl"}),
                Arguments.of("--url", new String[] {"data", "download", "--dir", dir.toString(), "--url", "file:///x"}),
                Arguments.of("--format", new String[] {"export", "--format", "tflite"}),
                Arguments.of("--count", new String[] {"data", "render", "--count", "0", "--out", dir.resolve("r").toString()}));
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @ParameterizedTest(name = "{index}: {1}")
    @MethodSource("cases")
    void isAUsageErrorNamingTheOption(String option, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(option).doesNotContain("\tat ", "Exception", "internal error");
        assertThat(dir.resolve("p.csv")).doesNotExist();
        assertThat(dir.resolve("m.checkpoints")).doesNotExist();
    }
}
