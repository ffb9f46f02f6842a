package hcr.eval;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Scores every image of a set with a model and evaluates the answers. The images go in as they
 * are: an {@link ImageSet} already holds EMNIST tensors, so there is no preprocessing to apply.
 */
public final class Evaluator {
    private final ScoringModel model;
    private final int batchSize;

    public Evaluator(ScoringModel model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /**
     * @param progress told how many images each finished batch held
     * @throws LabelMismatchException when the model's labels are not the data's
     */
    public Evaluation evaluate(ImageSet images, IntConsumer progress) {
        return evaluate(images, null, progress);
    }

    /**
     * As {@link #evaluate(ImageSet, IntConsumer)}, for a field that may only hold some characters
     * ({@code --charset}): only images of the {@code allowed} classes are scored, and each answer's
     * probabilities are restricted to those classes and renormalised, as {@code infer} does.
     *
     * @param allowed classes by index into the model's labels; null for all
     */
    public Evaluation evaluate(ImageSet images, BitSet allowed, IntConsumer progress) {
        List<String> labels = model.labels();
        requireSameLabels(labels, images.labelMap().characters());
        Evaluation.Accumulator results = new Evaluation.Accumulator(labels);
        ImageBatch batch = ImageBatch.allocate(batchSize);
        float[] pixels = new float[EmnistTensor.PIXELS];
        int[] chosen = new int[batchSize];
        int next = 0;
        while (next < images.size()) {
            batch.clear();
            int taken = 0;
            int start = next;
            for (; next < images.size() && taken < batchSize; next++) {
                if (allowed == null || allowed.get(images.label(next))) {
                    images.copyTo(next, pixels, 0);
                    batch.add(pixels);
                    chosen[taken++] = next;
                }
            }
            if (taken > 0) {
                float[] probabilities = model.score(batch);
                for (int k = 0; k < taken; k++) {
                    if (allowed != null) {
                        restrict(probabilities, k * labels.size(), labels.size(), allowed);
                    }
                    results.add(images.label(chosen[k]), probabilities, k * labels.size());
                }
            }
            progress.accept(next - start);
        }
        return results.build();
    }

    /** Zero outside the set, the rest scaled to sum to 1. */
    static void restrict(float[] probabilities, int offset, int classes, BitSet allowed) {
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += allowed.get(c) ? probabilities[offset + c] : 0;
        }
        for (int c = 0; c < classes; c++) {
            probabilities[offset + c] = allowed.get(c) && sum > 0 ? (float) (probabilities[offset + c] / sum) : 0f;
        }
    }

    /** Class i must mean the same character to the model and to the data, or every figure is wrong. */
    private static void requireSameLabels(List<String> model, List<String> data) {
        if (!model.equals(data)) {
            throw new LabelMismatchException("the model's labels (" + String.join("", model)
                    + ") are not the data's (" + String.join("", data) + ")");
        }
    }
}
