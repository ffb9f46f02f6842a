package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import org.junit.jupiter.api.Test;

class BatchNormTest {
    private static final NetworkSpec NET = LearnableImages.TINY_NET;
    private static final ImageSet IMAGES = LearnableImages.generate(96, 4);

    static TrainingOptions options(boolean batchNorm, float averageDecay) {
        return new TrainingOptions(1, 32, 0.01f, 5, 0, Augmentation.none(), 2, batchNorm, averageDecay);
    }

    /** Images [from, from + n) of {@link #IMAGES} as a published batch. */
    static Batch batch(int from, int n) {
        Batch batch = new Batch(n);
        for (int k = 0; k < n; k++) {
            IMAGES.copyTo(from + k, batch.pixels, k * EmnistTensor.PIXELS);
            batch.labelValues[k] = IMAGES.label(from + k);
        }
        batch.publish();
        return batch;
    }

    @Test
    void theFoldedServingGraphComputesWhatTheTrainingGraphEvaluatesWithin1e5() {
        try (TrainingGraph graph = new TrainingGraph(NET, options(true, 0.9f), Parameters.initial(NET, 5), null);
             Batch first = batch(0, 32); Batch second = batch(32, 32); Batch probe = batch(64, 32)) {
            for (int step = 0; step < 6; step++) {
                graph.train(step % 2 == 0 ? first : second, 0.01f, step);
            }
            BatchNorm.Accumulator sums = new BatchNorm.Accumulator();
            graph.addStatistics(first, sums);
            graph.addStatistics(second, sums);
            graph.useStatistics(sums.statistics());
            float[] training = graph.probabilities(probe);

            float[] serving;
            try (InferenceGraph inference = new InferenceGraph(NET, graph.parameters())) {
                serving = inference.probabilities(probe.pixels, 32);
            }

            assertThat(graph.parameters().asMap()).as("only the plain architecture's weights are exported")
                    .containsOnlyKeys(Parameters.slots(NET).stream().map(Parameters.Slot::name).toList());
            assertThat(serving).hasSameSizeAs(training);
            for (int i = 0; i < training.length; i++) {
                assertThat(serving[i]).as("probability %d", i).isCloseTo(training[i], offset(1e-5f));
            }
        }
    }

    @Test
    void populationStatisticsOfEqualBatchesAreThoseOfAllTheirValuesTogether() {
        // Batch means 1 and 3 (variances 1 and 4): together mean 2, variance (1 + 1 + 4 + 9) / 2 - 4 = 3.5.
        BatchNorm.Accumulator sums = new BatchNorm.Accumulator();
        sums.add("conv1", new float[] {1}, new float[] {1});
        sums.add("conv2", new float[] {0}, new float[] {2});
        sums.add("conv1", new float[] {3}, new float[] {4});
        sums.add("conv2", new float[] {0}, new float[] {2});

        BatchNorm.Statistics statistics = sums.statistics();

        assertThat(statistics.mean().get("conv1")).containsExactly(2f);
        assertThat(statistics.variance().get("conv1")).containsExactly(3.5f);
        assertThat(statistics.mean().get("conv2")).containsExactly(0f);
        assertThat(statistics.variance().get("conv2")).containsExactly(2f);
    }

    @Test
    void foldingANormalisationThatChangesNothingLeavesTheWeightsAsTheyAre() {
        Parameters plain = Parameters.initial(NET, 9);
        java.util.Map<String, float[]> trained = new java.util.LinkedHashMap<>(plain.asMap());
        java.util.Map<String, float[]> mean = new java.util.LinkedHashMap<>();
        java.util.Map<String, float[]> variance = new java.util.LinkedHashMap<>();
        for (Parameters.Slot slot : BatchNorm.slots(NET)) {
            trained.put(slot.name(), BatchNorm.initial(slot));
        }
        for (String layer : BatchNorm.LAYERS) {
            int channels = plain.get(layer + "/b").length;
            mean.put(layer, new float[channels]);
            float[] unit = new float[channels];
            java.util.Arrays.fill(unit, 1 - BatchNorm.EPSILON);
            variance.put(layer, unit);
        }

        Parameters folded = BatchNorm.fold(NET, Parameters.of(trained), new BatchNorm.Statistics(mean, variance));

        for (Parameters.Slot slot : Parameters.slots(NET)) {
            float[] expected = plain.get(slot.name());
            float[] actual = folded.get(slot.name());
            for (int i = 0; i < expected.length; i++) {
                assertThat(actual[i]).as("%s[%d]", slot.name(), i).isCloseTo(expected[i], offset(1e-6f));
            }
        }
    }
}
