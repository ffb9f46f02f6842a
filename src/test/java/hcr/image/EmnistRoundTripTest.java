package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The preprocessing as one unit: a character that is already an EMNIST sample, shown to it as a
 * user would (large, dark on white, with a margin, through JPEG), must come back as itself.
 *
 * <p>EMNIST's own crops count faint specks as ink, which this preprocessing deliberately ignores,
 * so a few samples come back shifted: the bounds are on the mean and the median, not the worst.
 */
class EmnistRoundTripTest {
    private static final int SAMPLES = 300;

    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Test
    void realEmnistSamplesRenderedLargeAsJpegComeBackClose() throws IOException {
        List<float[]> samples = EmnistIdx.trainingImages(
                SharedData.emnist().resolve("emnist-byclass-dev-images-idx3-ubyte.gz"), SAMPLES);

        Summary summary = roundTrip(samples, tensor -> Renderings.jpegRoundTrip(Renderings.onPaper(tensor, 6, 40, 70), 0.85f));

        System.out.println("EMNIST x6 on paper, JPEG q0.85: " + summary);
        assertThat(summary.meanAbsoluteDifference).isLessThan(0.04);
        assertThat(summary.meanCorrelation).isGreaterThan(0.95);
        assertThat(summary.medianCorrelation).isGreaterThan(0.972);
    }

    @Test
    void realEmnistSamplesAsTheyAreComeBackClose() throws IOException {
        List<float[]> samples = EmnistIdx.trainingImages(
                SharedData.emnist().resolve("emnist-byclass-dev-images-idx3-ubyte.gz"), SAMPLES);

        Summary summary = roundTrip(samples, Renderings::asImage);

        System.out.println("EMNIST 28x28 as is: " + summary);
        assertThat(summary.meanAbsoluteDifference).isLessThan(0.046);
        assertThat(summary.medianCorrelation).isGreaterThan(0.965);
    }

    /** Without ../shared: a synthetic stroke, once preprocessed, is a fixed point of render-and-preprocess. */
    @Test
    void syntheticStrokesAreAFixedPointOfRenderingAndPreprocessing() {
        List<float[]> samples = LongStream.range(0, 100)
                .mapToObj(seed -> preprocessor.toTensor(Glyphs.Glyph.random(seed).draw(160)))
                .toList();

        Summary summary = roundTrip(samples, tensor -> Renderings.jpegRoundTrip(Renderings.onPaper(tensor, 6, 40, 70), 0.85f));

        System.out.println("synthetic strokes x6 on paper, JPEG q0.85: " + summary);
        assertThat(summary.meanAbsoluteDifference).isLessThan(0.03);
        assertThat(summary.medianCorrelation).isGreaterThan(0.98);
    }

    private Summary roundTrip(List<float[]> originals, Function<float[], BufferedImage> show) {
        double[] correlations = new double[originals.size()];
        double mad = 0;
        for (int i = 0; i < originals.size(); i++) {
            float[] original = originals.get(i);
            Similarity similarity = Similarity.between(original, preprocessor.toTensor(show.apply(original)));
            correlations[i] = similarity.correlation();
            mad += similarity.meanAbsoluteDifference();
        }
        Arrays.sort(correlations);
        return new Summary(originals.size(), mad / originals.size(), Arrays.stream(correlations).average().orElse(0),
                correlations[correlations.length / 2]);
    }

    private record Summary(int samples, double meanAbsoluteDifference, double meanCorrelation, double medianCorrelation) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d samples, mean |diff| %.4f, correlation mean %.4f median %.4f",
                    samples, meanAbsoluteDifference, meanCorrelation, medianCorrelation);
        }
    }
}
