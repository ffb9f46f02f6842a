package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.FakeEmnist;
import hcr.data.Part;
import hcr.model.LearnableImages;
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
        assertThat(err.toString()).contains("--batch-size must be between 1 and");
    }

    @Test
    void anUnknownAugmentationIsAUsageError() {
        assertThat(train("--augment", "wobbly", "--output", dir.resolve("a").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("standard, elastic or none");
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

    /** A learnable dev split of {@code n} images in NIST's layout (gzip IDX, transposed, mapping file). */
    private static void writeDevFiles(Path dir, int n) {
        FakeEmnist.writeDirectory(dir, FakeEmnist.files("byclass", Part.DEV, LearnableImages.generate(n, 1), true));
    }

    @Test
    void trainsOnTheDevPoolAndWritesTheModelWithItsCard() throws Exception {
        writeDevFiles(dir, 400);
        Path output = dir.resolve("model");

        int code = train("--data", dir.toString(), "--epochs", "1", "--batch-size", "32", "--conv", "4,8",
                "--kernel", "3", "--augment", "elastic", "--output", output.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(output.resolve("saved_model.pb")).isRegularFile();
        hcr.runtime.ModelCard card = hcr.runtime.ModelCard.read(output.resolve("model-card.json"));
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> data = (java.util.Map<String, Object>) card.training().get("data");
        assertThat(data).containsEntry("parts", java.util.List.of("dev"))
                .containsEntry("extra", false)
                .containsEntry("trainingImages", 324)
                .containsEntry("validationImages", 36);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> hyperparameters = (java.util.Map<String, Object>) card.training().get("hyperparameters");
        assertThat(hyperparameters.get("augmentation")).as("the card says how the images were distorted")
                .hasToString(new com.fasterxml.jackson.databind.ObjectMapper().convertValue(
                        hcr.model.Augmentation.elastic(), java.util.Map.class).toString());
        assertThat(TrainCommand.checkpointDir(output).resolve("args.json")).isRegularFile();
    }

    @Test
    void theSplitSeedAloneChoosesTheValidationImages() throws Exception {
        // Teachers for distillation differ in --seed but must share the student's validation split.
        writeDevFiles(dir, 200);
        for (String[] seeds : new String[][] {{"--seed", "2", "--split-seed", "1"}, {"--seed", "3"}}) {
            Path output = dir.resolve("model" + seeds[1]);
            int code = train(concat(new String[] {"--data", dir.toString(), "--epochs", "1", "--batch-size", "32",
                    "--conv", "4,8", "--output", output.toString()}, seeds));
            assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> data = (java.util.Map<String, Object>)
                    hcr.runtime.ModelCard.read(output.resolve("model-card.json")).training().get("data");
            assertThat(data).as("%s", String.join(" ", seeds))
                    .containsEntry("splitSeed", seeds.length > 2 ? 1 : 3);
        }
    }

    @Test
    void aTrainingFractionShrinksTheTrainingImagesAndLeavesValidationAlone() throws Exception {
        // A learning curve compares runs on less data against one validation split.
        writeDevFiles(dir, 400);
        Path output = dir.resolve("quarter");

        int code = train("--data", dir.toString(), "--epochs", "1", "--batch-size", "32", "--conv", "4,8",
                "--train-fraction", "0.25", "--output", output.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> data = (java.util.Map<String, Object>)
                hcr.runtime.ModelCard.read(output.resolve("model-card.json")).training().get("data");
        assertThat(data).containsEntry("trainingImages", 81).containsEntry("validationImages", 36)
                .containsEntry("trainFraction", 0.25);
        assertThat(train("--data", dir.toString(), "--train-fraction", "0", "--output", dir.resolve("m").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--train-fraction must be above 0 and at most 1, not 0.0");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
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
