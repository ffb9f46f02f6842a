package hcr.engine;

import hcr.data.LabelMap;
import hcr.image.EmnistTensor;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ScoringModel;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test model whose answer is a pure function of the pixels: the label is the image's mean
 * brightness scaled to the label range, with probability 0.7, the next label 0.2 and the rest
 * sharing 0.1. So {@link NameTranslator}'s images (every pixel = index / 61) come back as the
 * character named in the file. Records the batch sizes it saw. Thread-safe.
 */
public final class EchoModel implements ScoringModel {
    public static final ModelCard CARD = new ModelCard("echo", "test", LabelMap.byClass().characters(),
            ModelCard.INPUT, ModelCard.OUTPUT, ModelCard.PREPROCESSING, Map.of(), Map.of());

    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();

    @Override
    public ModelCard card() {
        return CARD;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    public static int labelOf(FloatBuffer pixels, int image, int labels) {
        double sum = 0;
        for (int i = 0; i < EmnistTensor.PIXELS; i++) {
            sum += pixels.get(image * EmnistTensor.PIXELS + i);
        }
        return (int) Math.round(sum / EmnistTensor.PIXELS * (labels - 1));
    }

    @Override
    public float[] score(ImageBatch batch) {
        batchSizes.add(batch.size());
        int labels = CARD.labels().size();
        FloatBuffer pixels = batch.pixels();
        float[] out = new float[batch.size() * labels];
        for (int image = 0; image < batch.size(); image++) {
            int label = labelOf(pixels, image, labels);
            for (int i = 0; i < labels; i++) {
                out[image * labels + i] = 0.1f / (labels - 2);
            }
            out[image * labels + label] = 0.7f;
            out[image * labels + (label + 1) % labels] = 0.2f;
        }
        return out;
    }

    @Override
    public void close() {
    }
}
