package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.engine.EchoBackend;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Accented file names under LC_ALL=C, where the JVM decodes file names as ASCII: through the
 * {@code ./hcr} launcher they keep their bytes on stdout and in the CSV; a JVM started under C by
 * hand refuses them with an error row that says why, instead of writing a path that points nowhere.
 */
class FileNameLocaleTest {
    private static final String ACCENTED = "lettre-é-ü.png";
    private static final Map<String, String> C_LOCALE = Map.of("LC_ALL", "C", "LANG", "C");

    @TempDir
    Path dir;
    Path input;
    Path model;

    @BeforeEach
    void pictures() throws IOException {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")),
                "the tests' own JVM runs under a non-UTF-8 locale: it cannot create the accented name");
        input = Files.createDirectory(dir.resolve("in"));
        picture(input.resolve(ACCENTED));
        picture(input.resolve("plain.png"));
        model = Files.writeString(dir.resolve("echo.model"), "any");
    }

    @Test
    void theLauncherKeepsAnAccentedPathIntactOnStdoutAndInTheCsv() throws Exception {
        assumeTrue("UTF-8".equals(shell("LC_ALL=C.UTF-8 locale charmap")), "no C.UTF-8 locale on this machine");
        assumeTrue("ANSI_X3.4-1968".equals(shell("LC_ALL=C locale charmap")), "LC_ALL=C is not ASCII here");
        assumeTrue(!shell("command -v perl").isEmpty(), "the launcher filters stderr with perl");
        Path home = LauncherHome.create(dir);
        Path output = dir.resolve("out.csv");

        ProcessBuilder builder = new ProcessBuilder(home.resolve("hcr").toString(), "infer", "--backend", EchoBackend.NAME,
                "--model", model.toString(), "--input", input.toString(), "--output", output.toString())
                .redirectOutput(dir.resolve("launcher.out").toFile()).redirectError(dir.resolve("launcher.err").toFile());
        builder.environment().putAll(C_LOCALE);
        builder.environment().put("HCR_NO_CDS", "1");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();

        String stderr = Files.readString(dir.resolve("launcher.err"));
        assertThat(process.exitValue()).as(stderr).isZero();
        String accented = input.resolve(ACCENTED).toString();
        assertThat(Files.readString(dir.resolve("launcher.out"), StandardCharsets.UTF_8)).contains(", " + accented + "\n");
        List<String> paths = Files.readAllLines(output, StandardCharsets.UTF_8).stream().skip(1)
                .map(row -> row.substring(row.lastIndexOf(',') + 1)).toList();
        assertThat(paths).containsExactly(accented, input.resolve("plain.png").toString());
        assertThat(paths).allSatisfy(path -> assertThat(Path.of(path)).exists());
    }

    @Test
    void aJvmStartedUnderTheCLocaleRefusesTheNameWithAnErrorRowSayingWhatToDo() throws Exception {
        Path output = dir.resolve("out.csv");

        ChildJvm hcr = ChildJvm.start("256m", dir.resolve("logs"), "c-locale", List.of("infer", "--backend", EchoBackend.NAME,
                "--model", model.toString(), "--input", input.toString(), "--output", output.toString()), C_LOCALE);

        assertThat(hcr.waitFor(Duration.ofSeconds(60))).as(hcr.stderr()).isEqualTo(3);
        assertThat(Files.readAllLines(output)).hasSize(2).last().asString().endsWith("," + input.resolve("plain.png"));
        String errors = Files.readString(dir.resolve("out.errors.csv"), StandardCharsets.UTF_8);
        assertThat(errors.lines()).hasSize(2);
        assertThat(errors).contains("file name is not valid ANSI_X3.4-1968 (the locale's character set), so its path cannot be written;"
                + " run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        assertThat(hcr.stderr()).contains("run under a UTF-8 locale").doesNotContain("Exception");
    }

    private static String shell(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return output;
    }

    private static void picture(Path file) throws IOException {
        BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 40);
        g.setColor(Color.BLACK);
        g.fillRect(12, 8, 14, 24);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
