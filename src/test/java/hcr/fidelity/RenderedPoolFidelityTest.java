package hcr.fidelity;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import hcr.data.Emnist;
import hcr.data.EmnistRenderer;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import hcr.data.RenderStyle;
import hcr.image.EmnistPreprocessor;
import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The tuning bench for preprocessing fidelity (issue 4), on POOL images only: the holdout is never
 * looked at here. Each image is rendered in every style exactly as {@code hcr data render} does,
 * encoded and decoded, preprocessed, and compared with its raw tensor: pixel similarity, and the
 * shipped model's accuracy on the files against the raw tensors. Pool images were trained on, so
 * the absolute accuracy is inflated; the gap is the figure that matters.
 * Run with {@code tools/check-pool-fidelity.sh [COUNT]}.
 */
@Tag("slow")
class RenderedPoolFidelityTest {
    private static final int COUNT = Integer.getInteger("fidelity.count", 2000);
    /** Comma-separated style names to run (all when empty), so tuning one style need not render the others. */
    private static final String STYLES = System.getProperty("fidelity.styles", "");

    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Test
    void renderedPoolImagesScoreLikeTheirRawTensors() throws IOException {
        ImageSet dev = Emnist.load(SharedData.emnist(), "byclass", Part.DEV);
        int[] pool = Holdout.everyTenth().poolIndices(dev.size());
        int[] chosen = new int[COUNT];
        for (int k = 0; k < COUNT; k++) {
            chosen[k] = pool[(int) ((long) k * pool.length / COUNT)];
        }
        try (ScoringModel model = Backends.named("onnx").load(Path.of("onnx/hcr.onnx"), BackendOptions.defaults())) {
            float[] raw = new float[COUNT * EmnistTensor.PIXELS];
            for (int k = 0; k < COUNT; k++) {
                dev.copyTo(chosen[k], raw, k * EmnistTensor.PIXELS);
            }
            double rawAccuracy = accuracy(model, raw, dev, chosen);
            System.out.printf(Locale.ROOT, "pool images %d, raw accuracy %.4f%n", COUNT, rawAccuracy);
            double worstGap = 0;
            for (RenderStyle style : RenderStyle.values()) {
                if (!STYLES.isBlank() && !List.of(STYLES.toLowerCase(Locale.ROOT).split(",")).contains(style.name().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                EmnistRenderer renderer = new EmnistRenderer(style, 1L);
                float[] files = new float[COUNT * EmnistTensor.PIXELS];
                double mad = 0;
                double correlation = 0;
                for (int k = 0; k < COUNT; k++) {
                    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(encode(renderer, renderer.render(dev, chosen[k]))));
                    preprocessor.toTensor(decoded, files, k * EmnistTensor.PIXELS);
                    double[] s = similarity(raw, files, k * EmnistTensor.PIXELS);
                    mad += s[0];
                    correlation += s[1];
                }
                double filesAccuracy = accuracy(model, files, dev, chosen);
                double gap = 100 * (filesAccuracy - rawAccuracy);
                worstGap = Math.min(worstGap, gap);
                System.out.printf(Locale.ROOT, "%-8s files %.4f  gap %+6.2f pts  mean |diff| %.4f  correlation %.4f%n",
                        style.name().toLowerCase(Locale.ROOT), filesAccuracy, gap, mad / COUNT, correlation / COUNT);
            }
            assertThat(worstGap).isGreaterThan(-2.0);
        }
    }

    private static double accuracy(ScoringModel model, float[] tensors, ImageSet dev, int[] chosen) {
        int labels = model.labels().size();
        int batchSize = 250;
        ImageBatch batch = ImageBatch.allocate(batchSize);
        int correct = 0;
        for (int start = 0; start < chosen.length; start += batchSize) {
            batch.clear();
            int end = Math.min(chosen.length, start + batchSize);
            for (int k = start; k < end; k++) {
                batch.add(tensors, k * EmnistTensor.PIXELS);
            }
            float[] scores = model.score(batch);
            for (int k = start; k < end; k++) {
                int best = 0;
                for (int c = 1; c < labels; c++) {
                    if (scores[(k - start) * labels + c] > scores[(k - start) * labels + best]) {
                        best = c;
                    }
                }
                String truth = dev.labelMap().character(dev.label(chosen[k]));
                correct += model.labels().get(best).equals(truth) ? 1 : 0;
            }
        }
        return (double) correct / chosen.length;
    }

    /** Mean absolute difference and Pearson correlation of two 784-float images. */
    private static double[] similarity(float[] a, float[] b, int offset) {
        int n = EmnistTensor.PIXELS;
        double meanA = 0, meanB = 0, mad = 0;
        for (int i = offset; i < offset + n; i++) {
            meanA += a[i];
            meanB += b[i];
            mad += Math.abs(a[i] - b[i]);
        }
        meanA /= n;
        meanB /= n;
        double cov = 0, varA = 0, varB = 0;
        for (int i = offset; i < offset + n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return new double[] {mad / n, varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB)};
    }

    /** The bytes {@code hcr data render} would write for this picture. */
    private static byte[] encode(EmnistRenderer renderer, BufferedImage picture) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        renderer.encode(picture, bytes);
        return bytes.toByteArray();
    }
}
