package hcr.eval;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
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
        List<String> labels = model.labels();
        requireSameLabels(labels, images.labelMap().characters());
        Evaluation.Accumulator results = new Evaluation.Accumulator(labels);
        ImageBatch batch = ImageBatch.allocate(batchSize);
        float[] pixels = new float[EmnistTensor.PIXELS];
        for (int start = 0; start < images.size(); start += batchSize) {
            int end = Math.min(images.size(), start + batchSize);
            batch.clear();
            for (int i = start; i < end; i++) {
                images.copyTo(i, pixels, 0);
                batch.add(pixels);
            }
            float[] probabilities = model.score(batch);
            for (int i = start; i < end; i++) {
                results.add(images.label(i), probabilities, (i - start) * labels.size());
            }
            progress.accept(end - start);
        }
        return results.build();
    }

    /** Class i must mean the same character to the model and to the data, or every figure is wrong. */
    private static void requireSameLabels(List<String> model, List<String> data) {
        if (!model.equals(data)) {
            throw new LabelMismatchException("the model's labels (" + String.join("", model)
                    + ") are not the data's (" + String.join("", data) + ")");
        }
    }
}
