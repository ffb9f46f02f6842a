package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.cli.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several {@code hcr infer} processes over one directory at the same time, writing to different
 * outputs and to the same output, give exactly what one process alone gives. (Two threads sharing
 * one loaded model: {@code hcr.engine.SharedScoringModelTest}.)
 */
class ConcurrentInferTest {
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Path input;
    Path model;

    @BeforeEach
    void pictures() throws IOException {
        input = Pictures.write(dir.resolve("in"), 1_000);
        Files.write(input.resolve("000").resolve("cut.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        model = Files.writeString(dir.resolve("echo.model"), "any");
    }

    private ChildJvm infer(String name, Path output) {
        return ChildJvm.start("128m", dir.resolve("logs"), name, List.of("infer", "--recursive", "--quiet",
                "--backend", "test-echo", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString()));
    }

    @Test
    void processesRunningTogetherWriteWhatOneProcessWritesAlone() throws IOException {
        Path alone = dir.resolve("alone.csv");
        assertThat(infer("alone", alone).waitFor(LIMIT)).isEqualTo(ExitCode.PARTIAL);

        Path first = dir.resolve("first.csv");
        Path second = dir.resolve("second.csv");
        Path shared = dir.resolve("shared.csv");
        List<ChildJvm> together = List.of(infer("first", first), infer("second", second),
                infer("shared-1", shared), infer("shared-2", shared));
        for (ChildJvm child : together) {
            assertThat(child.waitFor(LIMIT)).as(child.stderr()).isEqualTo(ExitCode.PARTIAL);
        }

        for (Path output : List.of(first, second, shared)) {
            assertThat(output).as(output.toString()).hasSameTextualContentAs(alone);
            assertThat(errorsOf(output)).hasSameTextualContentAs(errorsOf(alone));
        }
        assertThat(Files.readAllLines(alone)).hasSize(1 + 1_000);
        assertThat(temporaryFiles()).as("every temporary file was renamed into place").isEmpty();
    }

    private static Path errorsOf(Path predictions) {
        String name = predictions.getFileName().toString().replace(".csv", ".errors.csv");
        return predictions.resolveSibling(name);
    }

    private List<Path> temporaryFiles() throws IOException {
        List<Path> temps = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(temps::add);
        }
        return temps;
    }
}
