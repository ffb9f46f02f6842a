package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.ImageSet;
import hcr.data.LabelMap;
import hcr.image.EmnistTensor;
import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ScoringModel;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final LabelMap LABELS = LabelMap.ofCharacters("abcd");

    /**
     * Reads an image's class from its brightness (class k is uniformly k * 60): a stand-in
     * with a known answer for every image, so the evaluator's bookkeeping can be checked.
     */
    static final class BrightnessModel implements ScoringModel {
        final List<Integer> batchSizes = new ArrayList<>();
        private final ModelCard card;

        BrightnessModel(List<String> labels) {
            card = new ModelCard("brightness", "0", labels, ModelCard.INPUT, ModelCard.OUTPUT, null, Map.of(), Map.of());
        }

        @Override
        public ModelCard card() {
            return card;
        }

        @Override
        public float[] score(ImageBatch batch) {
            batchSizes.add(batch.size());
            FloatBuffer pixels = batch.pixels();
            int classes = card.labels().size();
            float[] out = new float[batch.size() * classes];
            for (int i = 0; i < batch.size(); i++) {
                int k = Math.round(pixels.get(i * EmnistTensor.PIXELS) * 255 / 60);
                out[i * classes + Math.min(k, classes - 1)] = 1;
            }
            return out;
        }

        @Override
        public void close() {
        }
    }

    /** Images of brightness class {@code shown[i]} labelled {@code labels[i]}. */
    private static ImageSet images(int[] shown, int[] labels) {
        byte[] pixels = new byte[shown.length * ImageSet.PIXELS];
        byte[] labelBytes = new byte[labels.length];
        for (int i = 0; i < shown.length; i++) {
            java.util.Arrays.fill(pixels, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS, (byte) (shown[i] * 60));
            labelBytes[i] = (byte) labels[i];
        }
        return ImageSet.wrap(pixels, labelBytes, LABELS);
    }

    @Test
    void scoresEveryImageInBatchesAndCountsTheAnswers() {
        BrightnessModel model = new BrightnessModel(LABELS.characters());
        ImageSet set = images(new int[] {0, 1, 2, 3, 3, 1, 0}, new int[] {0, 1, 2, 3, 2, 0, 0});
        List<Integer> progress = new ArrayList<>();

        Evaluation e = new Evaluator(model, 3).evaluate(set, progress::add);

        assertThat(model.batchSizes).containsExactly(3, 3, 1);
        assertThat(progress).containsExactly(3, 3, 1);
        assertThat(e.count()).isEqualTo(7);
        assertThat(e.accuracy()).isEqualTo(5.0 / 7);
        assertThat(e.confusedPairs(5)).containsExactly(new ConfusedPair("a", "b", 1), new ConfusedPair("c", "d", 1));
    }

    @Test
    void refusesAModelWhoseLabelsAreNotTheData() {
        BrightnessModel model = new BrightnessModel(List.of("a", "b", "d", "c"));
        ImageSet set = images(new int[] {0}, new int[] {0});
        assertThatThrownBy(() -> new Evaluator(model, 8).evaluate(set, n -> { }))
                .isInstanceOf(LabelMismatchException.class)
                .hasMessageContaining("abdc").hasMessageContaining("abcd");
    }
}
