package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

/** The moving average of the weights that --average-weights validates and exports. */
class WeightAveragingTest {
    private static final NetworkSpec NET = LearnableImages.TINY_NET;

    @Test
    void averagingWeightsThatDoNotChangeLeavesThemBitForBitAsTheyAre() {
        Parameters initial = Parameters.initial(NET, 5);
        try (TrainingGraph graph = new TrainingGraph(NET, BatchNormTest.options(true, 0.9f), initial, null);
             Batch batch = BatchNormTest.batch(0, 32)) {
            for (int step = 0; step < 3; step++) {
                graph.train(batch, 0f, step);  // Adam at rate 0 leaves every weight where it is
            }
            Parameters averaged = graph.trainedParameters();
            for (Parameters.Slot slot : Parameters.slots(NET)) {
                assertThat(averaged.get(slot.name())).as(slot.name()).containsExactly(initial.get(slot.name()));
            }
            for (Parameters.Slot slot : BatchNorm.slots(NET)) {
                assertThat(averaged.get(slot.name())).as(slot.name()).containsExactly(BatchNorm.initial(slot));
            }
        }
    }

    @Test
    void eachStepMovesTheAverageByOneMinusTheDecayTowardsTheNewWeights() {
        Parameters initial = Parameters.initial(NET, 5);
        Parameters afterOneStep;
        Parameters average;
        try (TrainingGraph plain = new TrainingGraph(NET, BatchNormTest.options(false, 0f), initial, null);
             TrainingGraph averaging = new TrainingGraph(NET, BatchNormTest.options(false, 0.75f), initial, null);
             Batch batch = BatchNormTest.batch(0, 32)) {
            plain.train(batch, 0.01f, 1);
            averaging.train(batch, 0.01f, 1);
            afterOneStep = plain.trainedParameters();
            average = averaging.trainedParameters();
        }
        for (Parameters.Slot slot : Parameters.slots(NET)) {
            float[] before = initial.get(slot.name());
            float[] after = afterOneStep.get(slot.name());
            float[] actual = average.get(slot.name());
            for (int i = 0; i < before.length; i++) {
                float expected = before[i] + 0.25f * (after[i] - before[i]);
                assertThat(actual[i]).as("%s[%d]", slot.name(), i).isCloseTo(expected, offset(1e-6f));
            }
        }
    }
}
