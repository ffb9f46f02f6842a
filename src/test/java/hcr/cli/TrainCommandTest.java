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
        assertThat(err.toString()).contains("nowhere").doesNotContain("internal error");
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

    /** Writes a dev split of {@code n} images in EMNIST's IDX layout (gzip, transposed): class = i % 4 stroke shape. */
    private static void writeDevFiles(Path dir, int n) throws Exception {
        StringBuilder mapping = new StringBuilder();
        String characters = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int label = 0; label < characters.length(); label++) {
            mapping.append(label).append(' ').append((int) characters.charAt(label)).append('\n');
        }
        Files.writeString(dir.resolve("emnist-byclass-mapping.txt"), mapping);
        try (var images = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(
                Files.newOutputStream(dir.resolve("emnist-byclass-dev-images-idx3-ubyte.gz"))));
             var labels = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(
                     Files.newOutputStream(dir.resolve("emnist-byclass-dev-labels-idx1-ubyte.gz"))))) {
            images.writeInt(2051);
            images.writeInt(n);
            images.writeInt(28);
            images.writeInt(28);
            labels.writeInt(2049);
            labels.writeInt(n);
            for (int i = 0; i < n; i++) {
                int label = i % 4;
                for (int col = 0; col < 28; col++) {
                    for (int row = 0; row < 28; row++) {
                        boolean ink = switch (label) {
                            case 0 -> Math.abs(row - 14) <= 1;
                            case 1 -> Math.abs(col - 14) <= 1;
                            case 2 -> Math.abs(row - col) <= 1;
                            default -> Math.abs(row + col - 27) <= 1;
                        };
                        images.writeByte(ink ? 255 : 0);
                    }
                }
                labels.writeByte(label);
            }
        }
    }

    @Test
    void trainsOnTheDevPoolAndWritesTheModelWithItsCard() throws Exception {
        writeDevFiles(dir, 400);
        Path output = dir.resolve("model");

        int code = train("--data", dir.toString(), "--epochs", "1", "--batch-size", "32", "--conv", "4,8",
                "--kernel", "3", "--output", output.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(output.resolve("saved_model.pb")).isRegularFile();
        hcr.runtime.ModelCard card = hcr.runtime.ModelCard.read(output.resolve("model-card.json"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> data = (java.util.Map<String, Object>) card.training().get("data");
        assertThat(data).containsEntry("parts", java.util.List.of("dev"))
                .containsEntry("extra", false)
                .containsEntry("trainingImages", 324)
                .containsEntry("validationImages", 36);
        assertThat(TrainCommand.checkpointDir(output).resolve("args.json")).isRegularFile();
    }

    @Test
    void exportOnnxWritesAnOnnxModelThatOnnxRuntimeLoads() throws Exception {
        writeDevFiles(dir, 200);
        Path output = dir.resolve("model");

        int code = train("--data", dir.toString(), "--epochs", "1", "--batch-size", "32", "--conv", "4,8",
                "--output", output.toString(), "--export", "onnx");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        try (hcr.runtime.ScoringModel model = hcr.runtime.Backends.named("onnx")
                .load(output.resolve("hcr.onnx"), hcr.runtime.BackendOptions.defaults())) {
            assertThat(model.labels()).hasSize(62);
        }
    }

    @Test
    void exportTakesOnlyOnnx() {
        assertThat(train("--data", dir.toString(), "--export", "tflite", "--output", dir.resolve("m").toString()))
                .isEqualTo(ExitCode.USAGE);
    }
}
