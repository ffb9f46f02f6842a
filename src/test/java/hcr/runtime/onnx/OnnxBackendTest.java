package hcr.runtime.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxBackendTest {
    private static final String LABELS = "abc";

    @TempDir
    Path dir;

    private final OnnxBackend backend = new OnnxBackend();

    @Test
    void isFoundByNameThroughServiceLoader() {
        assertThat(Backends.named("onnx")).isInstanceOf(OnnxBackend.class);
    }

    @Test
    void defaultModelIsOnnxHcrOnnxInTheHome() {
        assertThat(backend.defaultModel(Path.of("/opt/hcr"))).isEqualTo(Path.of("/opt/hcr/onnx/hcr.onnx"));
    }

    @Test
    void scoresEachImageOfABatch() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, LABELS);
        float[][] images = randomImages(5);
        ImageBatch batch = ImageBatch.allocate(8);
        Arrays.stream(images).forEach(batch::add);

        try (ScoringModel model = backend.load(file, new BackendOptions(1))) {
            float[] probabilities = model.score(batch);

            assertThat(probabilities).hasSize(5 * 3);
            for (int i = 0; i < images.length; i++) {
                float[] expected = HandBuiltOnnx.expected(images[i], 3);
                for (int c = 0; c < 3; c++) {
                    assertThat(probabilities[i * 3 + c]).isCloseTo(expected[c], within(1e-6f));
                }
            }
        }
    }

    @Test
    void scoresAnEmptyBatchAsNothing() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, LABELS);
        try (ScoringModel model = backend.load(file, BackendOptions.defaults())) {
            assertThat(model.score(ImageBatch.allocate(4))).isEmpty();
        }
    }

    @Test
    void takesLabelsFromTheCardBesideTheModel() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, LABELS);
        card(List.of("x", "y", "z")).write(dir.resolve(ModelCard.FILE_NAME));
        try (ScoringModel model = backend.load(file, BackendOptions.defaults())) {
            assertThat(model.labels()).containsExactly("x", "y", "z");
            assertThat(model.card().name()).isEqualTo("card-beside");
        }
    }

    @Test
    void takesLabelsFromTheMetadataWhenNoCardIsBeside() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, LABELS);
        try (ScoringModel model = backend.load(file, BackendOptions.defaults())) {
            assertThat(model.labels()).containsExactly("a", "b", "c");
        }
    }

    @Test
    void refusesAModelWithoutAnyLabels() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, null);
        assertThatThrownBy(() -> backend.load(file, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class).hasMessageContaining("has no labels");
    }

    @Test
    void refusesATruncatedFileBeforeAnyImage() throws IOException {
        Path whole = HandBuiltOnnx.write(dir.resolve("whole.onnx"), 28, 3, LABELS);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("hcr.onnx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> backend.load(truncated, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("cannot load ONNX model " + truncated + " (truncated or not an ONNX file?)");
    }

    @Test
    void refusesAModelWhoseInputIsNot28By28() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 32, 3, LABELS);
        assertThatThrownBy(() -> backend.load(file, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("takes 'image' of shape [-1, 32, 32, 1]; hcr needs [N,28,28,1]");
    }

    @Test
    void refusesACardWithMoreLabelsThanTheModelHasOutputs() throws IOException {
        Path file = HandBuiltOnnx.write(dir.resolve("hcr.onnx"), 28, 3, LABELS);
        card(List.of("w", "x", "y", "z")).write(dir.resolve(ModelCard.FILE_NAME));
        assertThatThrownBy(() -> backend.load(file, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("gives 'probabilities' of shape [-1, 3] but its card lists 4 labels");
    }

    @Test
    void refusesAMissingFile() {
        assertThatThrownBy(() -> backend.load(dir.resolve("absent.onnx"), BackendOptions.defaults()))
                .isInstanceOf(ModelException.class).hasMessageContaining("ONNX model not found");
    }

    private static ModelCard card(List<String> labels) {
        return new ModelCard("card-beside", "1", labels, ModelCard.INPUT, ModelCard.OUTPUT, ModelCard.PREPROCESSING, Map.of(), Map.of());
    }

    private static float[][] randomImages(int n) {
        Random random = new Random(3);
        float[][] images = new float[n][EmnistTensor.PIXELS];
        for (float[] image : images) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
        }
        return images;
    }
}
