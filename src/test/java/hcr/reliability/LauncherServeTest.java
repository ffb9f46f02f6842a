package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hcr serve} on ONNX Runtime: no stderr filter (only TF's natives need one; the JVM is the
 * launcher's only child), and SIGTERM to the launcher still reaches the JVM, which drains and exits
 * with 143 before the launcher does.
 */
class LauncherServeTest {
    @TempDir
    Path dir;

    @Test
    void anOnnxServerRunsUnfilteredAndStopsOnSigtermToTheLauncher() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("onnx/hcr.onnx")), "no shipped ONNX model");
        Path home = LauncherHome.create(dir);
        Path err = dir.resolve("serve.err");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("hcr").toString(), "serve", "--port", "0",
                "--model", Path.of("onnx/hcr.onnx").toAbsolutePath().toString())
                .redirectOutput(dir.resolve("serve.out").toFile()).redirectError(err.toFile());
        builder.environment().put("HCR_NO_CDS", "1");
        Process launcher = builder.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            while (!Files.readString(err).contains("ready in") && launcher.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(err)).contains("hcr: serving http://127.0.0.1:");
            List<ProcessHandle> children = launcher.children().toList();
            assertThat(children).hasSize(1);
            ProcessHandle jvm = children.get(0);
            assertThat(jvm.info().command().orElse("")).endsWith("java");

            launcher.destroy(); // SIGTERM

            assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).as("launcher stopped").isTrue();
            assertThat(launcher.exitValue()).as(Files.readString(err)).isEqualTo(143);
            assertThat(jvm.isAlive()).as("JVM stopped before the launcher").isFalse();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }
}
