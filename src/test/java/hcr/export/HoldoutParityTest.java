package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.SharedData;
import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On 1,000 real holdout images, ONNX Runtime's probabilities from the ONNX file match TensorFlow's
 * from the SavedModel within 1e-5: for a fresh export of the test CNN (or of the SavedModel named by
 * {@code -Dhcr.export.savedModel=DIR}, see tools/check-onnx-parity.sh), and for the two shipped files.
 */
class HoldoutParityTest {
    static final int IMAGES = 1_000;
    static final Path SHIPPED_SAVED_MODEL = Path.of("saved_model");
    static final Path SHIPPED_ONNX = Path.of("onnx/hcr.onnx");

    @TempDir
    Path dir;

    @Test
    void aFreshExportMatchesTensorFlowWithin1e5OnHoldoutImages() {
        float[] images = holdoutImages();
        String trained = System.getProperty("hcr.export.savedModel");
        Path savedModel = trained != null ? Path.of(trained) : CnnSavedModel.write(dir.resolve("saved_model"));
        Path onnxFile = dir.resolve("onnx/hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);

        assertParity(savedModel, onnxFile, images);
    }

    @Test
    void theShippedOnnxFileMatchesTheShippedSavedModelWithin1e5() {
        assumeTrue(Files.isRegularFile(SHIPPED_ONNX) && Files.isDirectory(SHIPPED_SAVED_MODEL), "no shipped model: skipping");
        assertParity(SHIPPED_SAVED_MODEL, SHIPPED_ONNX, holdoutImages());
    }

    private static float[] holdoutImages() {
        ImageSet dev = Emnist.load(SharedData.emnist(), "byclass", Part.DEV);
        int[] holdout = Holdout.everyTenth().holdoutIndices(dev.size());
        float[] images = new float[IMAGES * ImageSet.PIXELS];
        for (int k = 0; k < IMAGES; k++) {
            dev.copyTo(holdout[k], images, k * ImageSet.PIXELS);
        }
        return images;
    }

    private static void assertParity(Path savedModel, Path onnxFile, float[] images) {
        float[] tf = TfReference.score(savedModel, images);
        float[] onnx = OnnxReference.score(onnxFile, images);

        double maxDiff = OnnxReference.maxAbsDifference(tf, onnx);
        System.out.printf("holdout parity: %d images, %s vs %s, max |TF - ONNX| = %.3g, top-1 agreement %d/%d%n",
                IMAGES, savedModel, onnxFile, maxDiff, agreeingTop1(tf, onnx, tf.length / IMAGES), IMAGES);
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
