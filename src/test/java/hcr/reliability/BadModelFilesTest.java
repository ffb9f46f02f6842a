package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.cli.ExitCode;
import hcr.cli.Main;
import hcr.export.OnnxExporter;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelFiles;
import hcr.runtime.tf.TinySavedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code hcr infer} with a model that is missing, corrupt, cut short, or whose card does not match
 * it: exit 1 with a message naming the problem, before any picture is read, and no output file
 * of any kind.
 */
class BadModelFilesTest {
    @TempDir
    static Path shared;
    static Path goodTf;
    static Path goodOnnx;

    @TempDir
    Path dir;

    @BeforeAll
    static void goodModels() {
        goodTf = TinySavedModel.write(shared.resolve("tf"), 62, hcr.data.LabelMap.byClass().characters());
        goodOnnx = shared.resolve("onnx").resolve("hcr.onnx");
        OnnxExporter.export(goodTf, goodOnnx);
    }

    enum Damage {
        TF_MISSING("tf", "model directory not found"),
        TF_WITHOUT_SAVED_MODEL_PB("tf", "saved_model.pb"),
        TF_CORRUPT_SAVED_MODEL_PB("tf", "saved_model.pb"),
        TF_TRUNCATED_SAVED_MODEL_PB("tf", "cannot load SavedModel"),
        TF_WITHOUT_CARD("tf", "model-card.json"),
        TF_CARD_NOT_JSON("tf", "model-card.json"),
        TF_CARD_WITH_TEN_LABELS("tf", "10 labels"),
        ONNX_MISSING("onnx", "not found"),
        ONNX_RANDOM_BYTES("onnx", "hcr.onnx"),
        ONNX_TRUNCATED("onnx", "hcr.onnx"),
        ONNX_CARD_WITH_TEN_LABELS("onnx", "10 labels");

        final String backend;
        final String mentions;

        Damage(String backend, String mentions) {
            this.backend = backend;
            this.mentions = mentions;
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void aBadModelFailsWithAClearMessageBeforeAnyPictureAndWritesNothing(Damage damage) throws IOException {
        Path model = damaged(damage);
        Path input = Files.createDirectory(dir.resolve("in"));
        // Unreadable as a picture: had it been read, it would be an error row, not this failure.
        Files.write(input.resolve("a.png"), new byte[] {1, 2, 3});
        Path outputs = Files.createDirectory(dir.resolve("out"));
        StringWriter err = new StringWriter();

        int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter(), true)).setErr(new PrintWriter(err, true))
                .execute("infer", "--backend", damage.backend, "--model", model.toString(), "--input", input.toString(),
                        "--output", outputs.resolve("predictions.csv").toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: ").contains(damage.mentions)
                .doesNotContain("internal error", "\tat ", "a.png");
        try (Stream<Path> written = Files.list(outputs)) {
            assertThat(written).isEmpty();
        }
    }

    private Path damaged(Damage damage) throws IOException {
        Path tf = copy(goodTf, dir.resolve("model"));
        Path onnx = Files.copy(goodOnnx, Files.createDirectories(dir.resolve("onnx")).resolve("hcr.onnx"));
        Files.copy(ModelFiles.cardBeside(goodOnnx), ModelFiles.cardBeside(onnx));
        ModelCard tenLabels = TinySavedModel.card(TinySavedModel.labels(10));
        switch (damage) {
            case TF_MISSING -> delete(tf);
            case TF_WITHOUT_SAVED_MODEL_PB -> Files.delete(tf.resolve("saved_model.pb"));
            case TF_CORRUPT_SAVED_MODEL_PB -> Files.write(tf.resolve("saved_model.pb"), randomBytes(4096));
            case TF_TRUNCATED_SAVED_MODEL_PB -> truncate(tf.resolve("saved_model.pb"));
            case TF_WITHOUT_CARD -> Files.delete(tf.resolve(ModelCard.FILE_NAME));
            case TF_CARD_NOT_JSON -> Files.writeString(tf.resolve(ModelCard.FILE_NAME), "{\"labels\": [");
            case TF_CARD_WITH_TEN_LABELS -> {
                Files.delete(tf.resolve(ModelCard.FILE_NAME));
                tenLabels.write(tf.resolve(ModelCard.FILE_NAME));
            }
            case ONNX_MISSING -> Files.delete(onnx);
            case ONNX_RANDOM_BYTES -> Files.write(onnx, randomBytes(4096));
            case ONNX_TRUNCATED -> truncate(onnx);
            case ONNX_CARD_WITH_TEN_LABELS -> {
                Files.delete(ModelFiles.cardBeside(onnx));
                tenLabels.write(ModelFiles.cardBeside(onnx));
            }
        }
        return damage.backend.equals("tf") ? tf : onnx;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private static void truncate(Path file) throws IOException {
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
        return to;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
