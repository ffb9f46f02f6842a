package hcr.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per picture on the inference hot path. Run with tools/bench-image.sh (not part of the
 * test suite).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ImagePipelineBenchmark {
    private final ImageDecoder decoder = ImageDecoder.withDefaults();
    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();
    private final float[] tensor = new float[EmnistTensor.PIXELS];
    private Path dir;
    private Path png28;
    private Path jpeg128;
    private Path jpeg2000;
    private BufferedImage decoded28;
    private BufferedImage decoded128;
    private BufferedImage decoded2000;

    @Setup
    public void writePictures() throws IOException {
        dir = Files.createTempDirectory("hcr-bench");
        Glyphs.Glyph glyph = Glyphs.Glyph.random(7);
        png28 = write(Renderings.invert(glyph.draw(28)), "png", "glyph28.png");
        jpeg128 = dir.resolve("glyph128.jpg");
        Files.write(jpeg128, Renderings.jpegBytes(glyph.draw(128), 0.85f));
        jpeg2000 = dir.resolve("glyph2000.jpg");
        Files.write(jpeg2000, Renderings.jpegBytes(glyph.draw(2000), 0.85f));
        decoded28 = decoder.decode(png28);
        decoded128 = decoder.decode(jpeg128);
        decoded2000 = decoder.decode(jpeg2000);
    }

    @TearDown
    public void deletePictures() throws IOException {
        for (Path file : new Path[] {png28, jpeg128, jpeg2000}) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public float[] preprocess28x28() {
        preprocessor.toTensor(decoded28, tensor, 0);
        return tensor;
    }

    /** Preprocessing alone of the typical photo size, which dominates a batch run's CPU. */
    @Benchmark
    public float[] preprocess128x128() {
        preprocessor.toTensor(decoded128, tensor, 0);
        return tensor;
    }

    @Benchmark
    public float[] preprocess2000x2000() {
        preprocessor.toTensor(decoded2000, tensor, 0);
        return tensor;
    }

    @Benchmark
    public float[] decodeAndPreprocessPng28x28() {
        preprocessor.toTensor(decoder.decode(png28), tensor, 0);
        return tensor;
    }

    @Benchmark
    public float[] decodeAndPreprocessJpeg128x128() {
        preprocessor.toTensor(decoder.decode(jpeg128), tensor, 0);
        return tensor;
    }

    @Benchmark
    public float[] decodeAndPreprocessJpeg2000x2000() {
        preprocessor.toTensor(decoder.decode(jpeg2000), tensor, 0);
        return tensor;
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        return Renderings.writeFile(image, format, dir.resolve(name));
    }
}
