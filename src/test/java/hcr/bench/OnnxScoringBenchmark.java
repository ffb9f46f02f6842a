package hcr.bench;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import hcr.runtime.onnx.OnnxBackend;
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
 * ONNX Runtime scoring time per batch of the exported model ({@code -p model=FILE}, default
 * onnx/hcr.onnx), at batch 1 (interactive use) and 256 (bulk inference). Run with tools/bench-onnx.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OnnxScoringBenchmark {
    @Param({"1", "256"})
    int batchSize;

    @Param("onnx/hcr.onnx")
    String model;

    /** ONNX Runtime's intra-op threads; 0 lets it choose. */
    @Param("0")
    int threads;

    private ScoringModel scoring;
    private ImageBatch batch;

    @Setup(Level.Trial)
    public void load() {
        scoring = new OnnxBackend().load(Path.of(model), new BackendOptions(threads));
        batch = ImageBatch.allocate(batchSize);
        Random random = new Random(1);
        float[] image = new float[EmnistTensor.PIXELS];
        while (!batch.isFull()) {
            for (int p = 0; p < image.length; p++) {
                image[p] = random.nextFloat();
            }
            batch.add(image);
        }
    }

    @Benchmark
    public float[] score() {
        return scoring.score(batch);
    }

    @TearDown(Level.Trial)
    public void close() {
        scoring.close();
    }
}
