package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int train(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "train";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void missingDataIsAFailureWithTheDirectoryNamed() {
        Path missing = dir.resolve("nowhere");
        assertThat(train("--data", missing.toString(), "--output", dir.resolve("m").toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("data directory not found").contains("nowhere").doesNotContain("Exception");
    }

    @Test
    void malformedDataIsAFailure() throws Exception {
        Files.write(dir.resolve("emnist-byclass-dev-images-idx3-ubyte.gz"), new byte[] {1, 2, 3});
        Files.write(dir.resolve("emnist-byclass-dev-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        assertThat(train("--data", dir.toString(), "--output", dir.resolve("m").toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("hcr: ").doesNotContain("internal error");
    }

    @Test
    void anExistingOutputIsRefusedWithoutForce() throws Exception {
        Path output = Files.createDirectory(dir.resolve("model"));
        assertThat(train("--data", dir.toString(), "--output", output.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("exists").contains("--force");
    }

    @Test
    void nonPositiveEpochsOrBatchSizeAreUsageErrors() {
        assertThat(train("--epochs", "0", "--output", dir.resolve("a").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("epochs must be positive");
        assertThat(train("--batch-size", "-1", "--output", dir.resolve("b").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("batch size must be positive");
    }

    @Test
    void onlyTheTfBackendTrains() {
        assertThat(train("--backend", "onnx", "--output", dir.resolve("a").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("only for --backend tf");
    }

    @Test
    void resumingNeedsARunToResume() {
        assertThat(train("--resume", dir.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("no training run to resume");
    }
}
