package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** One rule for every command that loads a model: a directory means a SavedModel, --backend always wins. */
class ModelOptionsTest {
    @Command
    static final class AnyModelCommand {
        @Mixin
        ModelOptions models;
    }

    @TempDir
    Path dir;

    private static ModelOptions parse(String... args) {
        AnyModelCommand command = new AnyModelCommand();
        new CommandLine(command).parseArgs(args);
        return command.models;
    }

    @Test
    void aModelDirectoryIsScoredByTensorFlow() {
        assertThat(parse("--model", dir.toString()).runtime().name()).isEqualTo("tf");
    }

    @Test
    void aModelFileIsScoredByTheDefaultBackend() throws Exception {
        Path file = Files.writeString(dir.resolve("m.onnx"), "x");
        assertThat(parse("--model", file.toString()).runtime().name()).isEqualTo("onnx");
        assertThat(parse().runtime().name()).isEqualTo("onnx");
    }

    @Test
    void anExplicitBackendWinsOverWhatThePathSuggests() {
        assertThat(parse("--backend", "onnx", "--model", dir.toString()).runtime().name()).isEqualTo("onnx");
    }

    @Test
    void theModelPathIsTheGivenOneOrTheRuntimesShippedModel() {
        ModelOptions given = parse("--model", dir.toString());
        assertThat(given.modelPath(given.runtime())).isEqualTo(dir);
        ModelOptions shipped = parse("--backend", "onnx");
        assertThat(shipped.modelPath(shipped.runtime()).getFileName().toString()).isEqualTo("hcr.onnx");
    }
}
