package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.cli.ExitCode;
import hcr.cli.Main;
import hcr.data.FakeEmnist;
import hcr.data.Part;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs on a disk that fills up: a tiny tmpfs, so it needs the right to mount (root in a
 * container); skipped elsewhere. Each command fails with a clear message and the results of the
 * earlier run stay whole.
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private Path disk;
    private final StringWriter err = new StringWriter();

    /** Mounts a tmpfs of {@code size} at {@code dir/disk}, or skips the test where that is not allowed. */
    private Path tinyDisk(String size) throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", disk.toString()) == 0,
                "mounting a tmpfs needs root");
        return disk;
    }

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            run("umount", "--lazy", disk.toString()); // lazy: a file left open by a failure must not leak the mount
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        return p.waitFor(20, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }

    private int hcr(List<String> args) {
        return Main.commandLine().setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    @Test
    void inferOnAFullDiskFailsClearlyAndKeepsTheEarlierPredictions() throws Exception {
        Path input = Pictures.write(dir.resolve("in"), 2_000);
        Path model = Files.writeString(dir.resolve("echo.model"), "any");
        Path output = Files.writeString(tinyDisk("64k").resolve("predictions.csv"), "code,char,path\r\n065,A,a.png\r\n");

        int exit = hcr(List.of("infer", "--recursive", "--quiet", "--backend", "test-echo", "--model", model.toString(),
                "--input", input.toString(), "--output", output.toString()));

        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: cannot write " + output).contains("No space left on device")
                .doesNotContain("\tat ");
        assertThat(output).hasContent("code,char,path\r\n065,A,a.png\r\n");
        assertThat(names(disk)).containsExactly("predictions.csv");
    }

    @Test
    void trainingOnAFullDiskFailsClearlyAndKeepsTheEarlierModel() throws Exception {
        Path data = FakeEmnist.writeDirectory(dir.resolve("data"),
                FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(600, 5), true));
        Path output = tinyDisk("1m").resolve("model");
        Files.createDirectory(output);
        Files.write(output.resolve("saved_model.pb"), new byte[600_000]); // stands for the earlier model

        int exit = hcr(List.of("train", "--force", "--data", data.toString(), "--output", output.toString(),
                "--epochs", "2", "--batch-size", "32", "--conv", "4,8", "--augment", "none", "--threads", "1"));

        assertThat(exit).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: cannot write checkpoint in").contains("No space left on device")
                .doesNotContain("\tat ");
        assertThat(output.resolve("saved_model.pb")).hasSize(600_000);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
