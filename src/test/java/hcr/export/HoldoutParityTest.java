package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On 1,000 real holdout images, ONNX Runtime's probabilities from the exported file match
 * TensorFlow's from the SavedModel. The model is the test CNN, or a trained SavedModel named by
 * {@code -Dhcr.export.savedModel=DIR} (tools/check-onnx-parity.sh).
 */
class HoldoutParityTest {
    static final int IMAGES = 1_000;

    @TempDir
    Path dir;

    @Test
    void onnxRuntimeMatchesTensorFlowWithin1e5OnHoldoutImages() {
        float[] images = HoldoutImages.read(SharedData.emnist(), IMAGES);
        String trained = System.getProperty("hcr.export.savedModel");
        Path savedModel = trained != null ? Path.of(trained) : CnnSavedModel.write(dir.resolve("saved_model"));
        Path onnxFile = dir.resolve("onnx/hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);

        float[] tf = TfReference.score(savedModel, images);
        float[] onnx = OnnxReference.score(onnxFile, images);

        double maxDiff = OnnxReference.maxAbsDifference(tf, onnx);
        System.out.printf("holdout parity: %d images, %s, max |TF - ONNX| = %.3g, top-1 agreement %d/%d%n",
                IMAGES, savedModel, maxDiff, agreeingTop1(tf, onnx, tf.length / IMAGES), IMAGES);
        assertThat(onnx).hasSameSizeAs(tf);
        assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
    }

    private static int agreeingTop1(float[] a, float[] b, int classes) {
        int agree = 0;
        for (int i = 0; i < a.length / classes; i++) {
            if (argmax(a, i * classes, classes) == argmax(b, i * classes, classes)) {
                agree++;
            }
        }
        return agree;
    }

    private static int argmax(float[] p, int from, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (p[from + c] > p[from + best]) {
                best = c;
            }
        }
        return best;
    }
}
