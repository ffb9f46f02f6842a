package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import hcr.runtime.onnx.OnnxBackend;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxExportParityTest {
    @TempDir
    static Path dir;
    static Path savedModel;
    static Path onnxFile;

    @BeforeAll
    static void exportModel() {
        savedModel = CnnSavedModel.write(dir.resolve("saved_model"));
        onnxFile = dir.resolve("onnx/hcr.onnx");
        OnnxExporter.export(savedModel, onnxFile);
    }

    @Test
    void onnxRuntimeGivesTensorFlowsProbabilitiesOnRandomImages() {
        float[] images = randomImages(300, 7);
        float[] tf = TfReference.score(savedModel, images);
        float[] onnx = scoreWithOnnx(images);
        assertThat(onnx).hasSameSizeAs(tf);
        assertThat(maxAbsDifference(tf, onnx)).isLessThanOrEqualTo(1e-5);
    }

    static float[] scoreWithOnnx(float[] images) {
        int n = images.length / EmnistTensor.PIXELS;
        try (ScoringModel model = new OnnxBackend().load(onnxFile, BackendOptions.defaults())) {
            float[] out = new float[n * model.labels().size()];
            ImageBatch batch = ImageBatch.allocate(128);
            int done = 0;
            for (int i = 0; i < n; i++) {
                batch.add(images, i * EmnistTensor.PIXELS);
                if (batch.isFull() || i == n - 1) {
                    float[] p = model.score(batch);
                    System.arraycopy(p, 0, out, done * model.labels().size(), p.length);
                    done += batch.size();
                    batch.clear();
                }
            }
            return out;
        }
    }

    static float[] randomImages(int n, long seed) {
        Random random = new Random(seed);
        float[] images = new float[n * EmnistTensor.PIXELS];
        for (int i = 0; i < images.length; i++) {
            images[i] = random.nextFloat();
        }
        return images;
    }

    static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
