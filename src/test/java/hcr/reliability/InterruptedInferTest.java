package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcr infer} killed with SIGKILL part way through (no shutdown hook, no cleanup runs): the
 * results of the previous run are still there, whole, and nothing partial ever appears under the
 * final names. Kill points are random; the seed is printed with any failure. An output directory
 * removed under a running {@code hcr infer} is a clear failure, not a stack trace.
 */
class InterruptedInferTest {
    private static final int PICTURES = 3_000;
    private static final String PREVIOUS = "code,char,path\r\n065,A,earlier/a.png\r\n";
    private static final String PREVIOUS_ERRORS = "path,reason\r\nearlier/b.png,empty file (0 bytes)\r\n";

    @TempDir
    Path dir;

    @Test
    void killedMidRunTheEarlierResultsStayWholeAndAFinishedRunReplacesThem() throws Exception {
        Path input = Pictures.write(dir.resolve("in"), PICTURES);
        Path output = Files.writeString(dir.resolve("predictions.csv"), PREVIOUS);
        Path errors = Files.writeString(dir.resolve("predictions.errors.csv"), PREVIOUS_ERRORS);
        Path model = Files.writeString(dir.resolve("echo.model"), "any");
        List<String> args = List.of("infer", "--recursive", "--threads", "1", "--batch-size", "8",
                "--backend", "test-echo", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString());
        long seed = new Random().nextLong();
        Random random = new Random(seed);

        for (int kill = 1; kill <= 3; kill++) {
            int after = 1 + random.nextInt(PICTURES * 3 / 4);
            ChildJvm child = ChildJvm.start("128m", dir.resolve("logs"), "killed-" + kill, args);
            waitForLines(child, after);
            child.kill();

            String when = "kill " + kill + " after " + after + " predictions (seed " + seed + ")";
            assertThat(output).as(when).hasContent(PREVIOUS);
            assertThat(errors).as(when).hasContent(PREVIOUS_ERRORS);
            assertThat(visibleNames()).as(when).containsExactlyInAnyOrder("echo.model", "in", "logs",
                    "predictions.csv", "predictions.errors.csv");
        }

        ChildJvm finished = ChildJvm.start("128m", dir.resolve("logs"), "finished", args);
        assertThat(finished.waitFor(Duration.ofMinutes(2))).as(finished.stderr()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(output)).hasSize(1 + PICTURES);
        assertThat(errors).as("a clean run removes the stale errors file").doesNotExist();
    }

    @Test
    void anOutputDirectoryRemovedMidRunIsAClearFailure() throws Exception {
        Path input = Pictures.write(dir.resolve("in"), PICTURES);
        Path outputs = Files.createDirectory(dir.resolve("out"));
        Path model = Files.writeString(dir.resolve("echo.model"), "any");
        ChildJvm child = ChildJvm.start("128m", dir.resolve("logs"), "removed", List.of("infer", "--recursive",
                "--threads", "1", "--batch-size", "8", "--backend", "test-echo", "--model", model.toString(),
                "--input", input.toString(), "--output", outputs.resolve("predictions.csv").toString()));
        waitForLines(child, 100);

        HostileFilesTest.deleteTree(outputs);

        assertThat(child.waitFor(Duration.ofMinutes(2))).isEqualTo(ExitCode.FAILURE);
        assertThat(child.stderr()).contains("hcr: cannot write " + outputs.resolve("predictions.csv")
                + ": its directory was removed during the run").doesNotContain("\tat ");
    }

    private static void waitForLines(ChildJvm child, int lines) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (child.stdoutLines() < lines) {
            assertThat(child.isAlive()).as("hcr ended before the kill; stderr: %s", child.stderr()).isTrue();
            assertThat(System.nanoTime()).as("hcr made no progress").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** What a user sees with {@code ls}: temporary files start with a dot. */
    private List<String> visibleNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(names::add);
        }
        return names;
    }
}
