package hcr.model;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Feeds one epoch of shuffled, augmented training batches. A worker thread fills the next batch
 * while the caller's TF step runs on the current one (double buffering), so augmentation overlaps
 * the step instead of adding to it. The order and every distortion depend only on (seed, epoch).
 * Only full batches are fed: the few images of a last partial batch go to the next epoch's shuffle.
 */
final class BatchPipeline implements AutoCloseable {
    private final ImageSet images;
    private final Augmentation augmentation;
    private final long seed;
    private final Batch[] buffers;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hcr-augment");
        t.setDaemon(true);
        return t;
    });

    BatchPipeline(ImageSet images, int batchSize, Augmentation augmentation, long seed) {
        this.images = images;
        this.augmentation = augmentation;
        this.seed = seed;
        this.buffers = new Batch[] {new Batch(batchSize), new Batch(batchSize)};
    }

    int batchesPerEpoch() {
        return images.size() / buffers[0].capacity();
    }

    /** Calls {@code step} with each batch of the epoch, in order. */
    void runEpoch(int epoch, Consumer<Batch> step) {
        int[] order = shuffled(images.size(), new Random(seed * 1_000_003L + epoch));
        int batches = batchesPerEpoch();
        if (batches == 0) {
            return;
        }
        Future<?> next = worker.submit(() -> fill(buffers[0], order, 0, epoch));
        for (int b = 0; b < batches; b++) {
            await(next);
            Batch current = buffers[b % 2];
            int following = b + 1;
            next = following < batches ? worker.submit(() -> fill(buffers[following % 2], order, following, epoch)) : null;
            step.accept(current);
        }
    }

    private void fill(Batch batch, int[] order, int index, int epoch) {
        float[] original = new float[EmnistTensor.PIXELS];
        int size = batch.capacity();
        for (int k = 0; k < size; k++) {
            int position = index * size + k;
            int image = order[position];
            images.copyTo(image, original, 0);
            augmentation.apply(original, batch.pixels, k * EmnistTensor.PIXELS, seed, epoch, position);
            batch.labelValues[k] = images.label(image);
        }
        batch.publish();
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch preparation failed", e.getCause());
        }
    }

    static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        for (Batch b : buffers) {
            b.close();
        }
    }
}
