package hcr.bench;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import hcr.runtime.tf.TfBackend;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one TF scoring call at batch 1 (interactive use) and 256 (bulk inference, evaluation).
 * The model is {@code -Dhcr.bench.model=DIR} (default: ./saved_model); run with tools/bench-tf.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TfScoringBenchmark {

    @Param({"1", "256"})
    int batchSize;

    @Param({"0"})
    int intraOpThreads;

    private ScoringModel model;
    private ImageBatch batch;

    @Setup(Level.Trial)
    public void load() {
        Path dir = Path.of(System.getProperty("hcr.bench.model", "saved_model"));
        model = new TfBackend().load(dir, new BackendOptions(intraOpThreads));
        batch = ImageBatch.allocate(batchSize);
        Random random = new Random(42);
        float[] image = new float[EmnistTensor.PIXELS];
        for (int i = 0; i < batchSize; i++) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
            batch.add(image);
        }
    }

    @Benchmark
    public float[] score() {
        return model.score(batch);
    }

    @TearDown(Level.Trial)
    public void close() {
        model.close();
    }
}
