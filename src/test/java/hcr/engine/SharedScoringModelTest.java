package hcr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.image.EmnistTensor;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine may share one loaded model between threads (two runs at once, or a scoring thread
 * beside others), so every backend whose shipped model is present must give the same answers
 * from two threads as from one. Backends without their model here are skipped.
 */
class SharedScoringModelTest {
    private static final Path HOME = Path.of(System.getProperty("hcr.home", "")).toAbsolutePath();

    static Stream<String> backends() {
        return Backends.available().stream().map(Backend::name);
    }

    private static ImageBatch randomBatch(long seed, int size) {
        Random random = new Random(seed);
        ImageBatch batch = ImageBatch.allocate(size);
        float[] image = new float[EmnistTensor.PIXELS];
        for (int i = 0; i < size; i++) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
            batch.add(image);
        }
        return batch;
    }

    private static float[] scoreRepeatedly(ScoringModel model, ImageBatch batch, int times) {
        float[] last = null;
        for (int i = 0; i < times; i++) {
            last = model.score(batch);
        }
        return last;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void twoThreadsSharingOneModelGetWhatOneThreadGets(String name) {
        Backend backend = Backends.named(name);
        Path model = backend.defaultModel(HOME);
        assumeTrue(Files.exists(model), "no model for " + name + " at " + model);
        List<ImageBatch> batches = List.of(randomBatch(1, 64), randomBatch(2, 64));

        try (ScoringModel shared = backend.load(model, new BackendOptions(1))) {
            float[] aloneFirst = shared.score(batches.get(0));
            float[] aloneSecond = shared.score(batches.get(1));

            CompletableFuture<float[]> first = CompletableFuture.supplyAsync(() -> scoreRepeatedly(shared, batches.get(0), 20));
            CompletableFuture<float[]> second = CompletableFuture.supplyAsync(() -> scoreRepeatedly(shared, batches.get(1), 20));

            assertThat(first.join()).containsExactly(aloneFirst);
            assertThat(second.join()).containsExactly(aloneSecond);
        }
    }
}
