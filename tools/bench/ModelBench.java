import hcr.image.EmnistTensor;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Model-only scoring throughput of one hcr backend, measured the way the PyTorch peer's
 * {@code model-bench} measures its own: the same iteration and warm-up counts, one fixed batch of
 * random images, the median time of one scoring call, images/s = batch / median.
 * Any backend found through the SPI works, so a new runtime needs no change here.
 *
 * <pre>java -cp 'target/hcr.jar:target/lib/*' tools/bench/ModelBench.java BACKEND BATCH [THREADS [MODEL]]</pre>
 * THREADS defaults to 2 (the peer's default), MODEL to the backend's shipped model in {@code hcr.home}.
 * Prints one line: {@code images_per_s_median=...}.
 */
public final class ModelBench {

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ModelBench BACKEND BATCH [THREADS [MODEL]]");
            System.exit(2);
        }
        Backend backend = Backends.named(args[0]);
        int batchSize = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path model = args.length > 3 ? Path.of(args[3])
                : backend.defaultModel(Path.of(System.getProperty("hcr.home", ".")));

        // Same counts as torch_peer.py model-bench, so both medians rest on as many calls.
        int iterations = batchSize == 1 ? 2000 : Math.max(20, 12800 / batchSize);
        int warmup = Math.max(5, iterations / 10);

        try (ScoringModel scoring = backend.load(model, new BackendOptions(threads))) {
            ImageBatch batch = randomBatch(batchSize);
            long[] nanos = new long[iterations];
            for (int i = -warmup; i < iterations; i++) {
                long start = System.nanoTime();
                scoring.score(batch);
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            double medianSeconds = median(nanos) / 1e9;
            System.out.printf(Locale.ROOT, "model: backend=%s batch=%d threads=%d iters=%d warmup=%d call_ms_median=%.3f%n",
                    backend.name(), batchSize, threads, iterations, warmup, medianSeconds * 1e3);
            System.out.printf(Locale.ROOT, "images_per_s_median=%.1f%n", batchSize / medianSeconds);
        }
    }

    private static ImageBatch randomBatch(int size) {
        ImageBatch batch = ImageBatch.allocate(size);
        Random random = new Random(2);
        float[] image = new float[EmnistTensor.PIXELS];
        while (!batch.isFull()) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
            batch.add(image);
        }
        return batch;
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
