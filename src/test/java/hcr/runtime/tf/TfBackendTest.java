package hcr.runtime.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hcr.image.EmnistTensor;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;

class TfBackendTest {
    private static final int CLASSES = 5;

    @TempDir
    static Path shared;
    static Path goodModel;

    @TempDir
    Path tmp;

    private final Backend backend = new TfBackend();

    @BeforeAll
    static void writeModel() {
        goodModel = TinySavedModel.write(shared.resolve("good"), CLASSES, TinySavedModel.labels(CLASSES));
    }

    @Test
    void isFoundByServiceLoaderAsTf() {
        assertThat(Backends.named("tf")).isInstanceOf(TfBackend.class);
        assertThat(backend.defaultModel(Path.of("/home/hcr"))).isEqualTo(Path.of("/home/hcr/saved_model"));
    }

    @Test
    void scoresABatchAsTheSoftmaxOfItsWeights() {
        float[][] images = randomImages(3, 1);
        try (ScoringModel model = backend.load(goodModel, new BackendOptions(1))) {
            float[] probabilities = model.score(batchOf(images));

            assertThat(model.labels()).hasSize(CLASSES);
            assertThat(probabilities).hasSize(3 * CLASSES);
            for (int i = 0; i < images.length; i++) {
                float[] row = java.util.Arrays.copyOfRange(probabilities, i * CLASSES, (i + 1) * CLASSES);
                assertThat(row).containsExactly(TinySavedModel.expected(images[i], CLASSES), within(1e-5f));
            }
        }
    }

    @Test
    void scoresAPartlyFilledBatchOnlyForItsImages() {
        ImageBatch batch = ImageBatch.allocate(8);
        batch.add(randomImages(1, 2)[0]);
        try (ScoringModel model = backend.load(goodModel, BackendOptions.defaults())) {
            assertThat(model.score(batch)).hasSize(CLASSES);
        }
    }

    @Test
    void scoresFromSeveralThreadsAtOnce() throws Exception {
        float[][] images = randomImages(4, 3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (ScoringModel model = backend.load(goodModel, BackendOptions.defaults())) {
            float[] reference = model.score(batchOf(images));
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> model.score(batchOf(images))));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get()).containsExactly(reference);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void namesTheMissingDirectoryAndHowToGetAModel() {
        Path missing = tmp.resolve("nowhere");
        assertThatThrownBy(() -> backend.load(missing, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("hcr train");
    }

    @Test
    void rejectsADirectoryWithoutSavedModelPb() throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertThatThrownBy(() -> backend.load(empty, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("saved_model.pb is missing");
    }

    @Test
    void rejectsACorruptSavedModelPb() throws IOException {
        Path corrupt = Files.createDirectory(tmp.resolve("corrupt"));
        Files.writeString(corrupt.resolve("saved_model.pb"), "this is not a protocol buffer");
        TinySavedModel.card(TinySavedModel.labels(CLASSES)).write(corrupt.resolve("model-card.json"));
        assertThatThrownBy(() -> backend.load(corrupt, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot load SavedModel " + corrupt);
    }

    @Test
    void rejectsAModelWithoutItsCard() throws IOException {
        Path noCard = TinySavedModel.write(tmp.resolve("nocard"), CLASSES, TinySavedModel.labels(CLASSES));
        Files.delete(noCard.resolve("model-card.json"));
        assertThatThrownBy(() -> backend.load(noCard, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("model card not found");
    }

    @Test
    void rejectsACardWhoseLabelCountDiffersFromTheOutputWidth() {
        Path mismatched = TinySavedModel.write(tmp.resolve("mismatch"), CLASSES, TinySavedModel.labels(CLASSES + 1));
        assertThatThrownBy(() -> backend.load(mismatched, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("lists 6 labels but the model outputs 5 probabilities");
    }

    @Test
    void rejectsAModelWhoseInputIsNotAnImageBatch() {
        Path flat = TinySavedModel.write(tmp.resolve("flat"), Shape.of(-1, EmnistTensor.PIXELS), CLASSES,
                TinySavedModel.labels(CLASSES));
        assertThatThrownBy(() -> backend.load(flat, BackendOptions.defaults()))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("takes input 'image' as DT_FLOAT [-1, 784]");
    }

    private static float[][] randomImages(int n, long seed) {
        Random random = new Random(seed);
        float[][] images = new float[n][EmnistTensor.PIXELS];
        for (float[] image : images) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
        }
        return images;
    }

    private static ImageBatch batchOf(float[][] images) {
        ImageBatch batch = ImageBatch.allocate(images.length);
        for (float[] image : images) {
            batch.add(image);
        }
        return batch;
    }
}
