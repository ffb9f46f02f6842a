import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import hcr.model.TrainingData;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Scores the VALIDATION split hcr train carves from the dev pool (seed, fraction as trained; never the
 * holdout) with one or more models and their mean probabilities, and the mean under a temperature:
 * what an ensemble teacher, or calibration, would gain before a run is spent on it.
 *
 *   java -cp "target/hcr.jar:target/lib/*" tools/ValidationEnsemble.java [--seed 1] MODEL_DIR...
 */
public class ValidationEnsemble {
    public static void main(String[] args) {
        long seed = 1;
        int first = 0;
        if (args.length > 1 && args[0].equals("--seed")) {
            seed = Long.parseLong(args[1]);
            first = 2;
        }
        ImageSet dev = Emnist.load(Path.of("../shared/emnist"), "byclass", Part.DEV);
        ImageSet pool = dev.select(Holdout.everyTenth().poolIndices(dev.size()));
        ImageSet validation = TrainingData.split(pool, 0.1, seed).validation();
        int n = validation.size();
        int classes = 62;
        double[] mean = new double[n * classes];
        int models = args.length - first;
        for (int m = first; m < args.length; m++) {
            float[] p = score(Path.of(args[m]), validation);
            report(args[m], p, validation, 1.0);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += p[i] / models;
            }
        }
        float[] ensemble = new float[mean.length];
        for (int i = 0; i < mean.length; i++) {
            ensemble[i] = (float) mean[i];
        }
        if (models > 1) {
            report("mean of " + models, ensemble, validation, 1.0);
        }
        for (double t : new double[] {0.8, 0.9, 0.95, 1.05, 1.1, 1.2}) {
            report("mean, temperature " + t, ensemble, validation, t);
        }
    }

    private static float[] score(Path model, ImageSet set) {
        boolean onnx = model.toString().endsWith(".onnx");
        try (ScoringModel scorer = Backends.named(onnx ? "onnx" : "tf").load(model, new BackendOptions(2))) {
            float[] all = new float[set.size() * 62];
            ImageBatch batch = ImageBatch.allocate(256);
            float[] image = new float[ImageSet.PIXELS];
            int done = 0;
            for (int i = 0; i < set.size(); i++) {
                set.copyTo(i, image, 0);
                batch.add(image);
                if (batch.isFull() || i == set.size() - 1) {
                    float[] p = scorer.score(batch);
                    System.arraycopy(p, 0, all, done * 62, batch.size() * 62);
                    done += batch.size();
                    batch.clear();
                }
            }
            return all;
        }
    }

    /** Accuracy, top-3 and cross-entropy, the probabilities raised to 1/t and renormalised. */
    private static void report(String name, float[] p, ImageSet set, double t) {
        int n = set.size();
        int correct = 0;
        int top3 = 0;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int label = set.label(i);
            double z = 0;
            int above = 0;
            int best = 0;
            for (int c = 0; c < 62; c++) {
                double q = Math.pow(Math.max(p[i * 62 + c], 1e-12), 1 / t);
                z += q;
                if (p[i * 62 + c] > p[i * 62 + best]) {
                    best = c;
                }
                if (p[i * 62 + c] > p[i * 62 + label]) {
                    above++;
                }
            }
            correct += best == label ? 1 : 0;
            top3 += above < 3 ? 1 : 0;
            loss -= Math.log(Math.pow(Math.max(p[i * 62 + label], 1e-12), 1 / t) / z);
        }
        System.out.printf(Locale.ROOT, "%-40s accuracy %.4f  top-3 %.4f  loss %.4f  (%d images)%n", name,
                (double) correct / n, (double) top3 / n, loss / n, n);
    }
}
