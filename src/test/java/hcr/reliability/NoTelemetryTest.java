package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.OutsideTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ONNX run as the launcher starts it leaves nothing of ONNX Runtime's telemetry behind: no
 * ~/.cache/Microsoft (device id, event queue) and, with an unusable HOME, no {@code :memory:.ses}
 * in the working directory. The child gets the launcher's own exports and nothing else that would
 * silence ONNX Runtime (surefire's copy of the variable, CI markers ONNX Runtime checks for).
 */
class NoTelemetryTest {
    private static final List<String> SILENCERS = List.of("ORT_DISABLE_TELEMETRY", "ORT_TELEMETRY_DISABLED", "CI",
            "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "CIRCLECI", "JENKINS_URL", "CODEBUILD_BUILD_ID", "BUILDKITE",
            "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER");

    @TempDir
    Path dir;

    static Map<String, String> launcherExports() throws IOException {
        Map<String, String> exports = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^export ([A-Z_]+)=(\\S+)$").matcher(Files.readString(Path.of("hcr")));
        while (m.find()) {
            exports.put(m.group(1), m.group(2));
        }
        return exports;
    }

    private OutsideTool.Run infer(Path home, Path workingDir) throws IOException {
        Files.createDirectories(workingDir);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "hcr.cli.Main",
                "infer", "--backend", "onnx", "--quiet", Path.of("tools/samples").toAbsolutePath().toString(),
                "-o", workingDir.resolve("out.csv").toString());
        Map<String, String> env = new HashMap<>(launcherExports());
        env.put("HOME", home.toString());
        return OutsideTool.runWithout(SILENCERS, command, workingDir, env);
    }

    @Test
    void theLauncherTurnsTelemetryOffBeforeOnnxRuntimeStarts() throws IOException {
        assertThat(launcherExports()).containsEntry("ORT_DISABLE_TELEMETRY", "1");
    }

    @Test
    void anOnnxRunWritesNothingUnderHome() throws IOException {
        Path home = Files.createDirectory(dir.resolve("home"));

        OutsideTool.Run run = infer(home, dir.resolve("work"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(home.resolve(".cache/Microsoft")).doesNotExist();
        try (Stream<Path> files = Files.walk(home)) {
            assertThat(files).containsExactly(home);
        }
    }

    @Test
    void withAnUnusableHomeNothingLandsInTheWorkingDirectory() throws IOException {
        // Nothing can be created in /proc, even by root: without the variable, ONNX Runtime warns
        // "Failed to persist telemetry device ID" and leaves :memory:.ses in the working directory.
        Path home = Path.of("/proc");
        assumeTrue(Files.isDirectory(home.resolve("self")), "no /proc: skipping");

        OutsideTool.Run run = infer(home, dir.resolve("work"));

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).isEmpty();
        try (Stream<Path> files = Files.list(dir.resolve("work"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }
}
