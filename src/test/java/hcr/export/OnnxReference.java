package hcr.export;

import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import hcr.runtime.onnx.OnnxBackend;
import java.nio.file.Path;
import java.util.Random;

/** Scores images with the exported file through hcr's ONNX backend, and the comparisons the tests share. */
final class OnnxReference {
    private OnnxReference() {
    }

    static float[] score(Path onnxFile, float[] images) {
        int n = images.length / EmnistTensor.PIXELS;
        try (ScoringModel model = new OnnxBackend().load(onnxFile, BackendOptions.defaults())) {
            int classes = model.labels().size();
            float[] out = new float[n * classes];
            ImageBatch batch = ImageBatch.allocate(128);
            int done = 0;
            for (int i = 0; i < n; i++) {
                batch.add(images, i * EmnistTensor.PIXELS);
                if (batch.isFull() || i == n - 1) {
                    float[] p = model.score(batch);
                    System.arraycopy(p, 0, out, done * classes, p.length);
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
