package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** The distillation target of --teacher: a share of the teachers' probabilities plus the rest of the label. */
class DistillationTest {
    private static final NetworkSpec NET = LearnableImages.TINY_NET;
    private static final int N = 32;

    private static TrainingOptions options() {
        return BatchNormTest.options(false, 0f);
    }

    /** Rows of probabilities [N, classes] as a tensor. */
    private static TFloat32 tensor(float[] rows) {
        return TFloat32.tensorOf(Shape.of(N, NET.classes()), DataBuffers.of(rows, true, false));
    }

    private static float[] oneHot(Batch batch) {
        float[] rows = new float[N * NET.classes()];
        for (int k = 0; k < N; k++) {
            rows[k * NET.classes() + batch.labelValues[k]] = 1f;
        }
        return rows;
    }

    @Test
    void aTeacherThatGivesTheLabelsTrainsExactlyLikePlainCrossEntropy() {
        Parameters initial = Parameters.initial(NET, 5);
        try (TrainingGraph plain = new TrainingGraph(NET, options(), initial, null);
             TrainingGraph distilling = new TrainingGraph(NET, options(), initial, null, 0.7f);
             Batch batch = BatchNormTest.batch(0, N);
             TFloat32 labels = tensor(oneHot(batch))) {
            for (int step = 0; step < 3; step++) {
                TrainingGraph.BatchScore expected = plain.train(batch, 0.01f, step);
                TrainingGraph.BatchScore actual = distilling.train(batch, 0.01f, step, labels);
                assertThat(actual.lossSum()).as("step %d", step).isCloseTo(expected.lossSum(), offset(1e-4));
            }
            assertSameWeights(plain.trainedParameters(), distilling.trainedParameters(), 1e-6f);
        }
    }

    /** An --extra teacher's export carries the prior correction; the student trains without it. */
    @Test
    void theTeachersPriorCorrectionIsUndoneBeforeItBecomesTheTarget() {
        float[] shift = new float[NET.classes()];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = (c % 5) * 0.3f - 0.6f;
        }
        float[] raw = new float[N * NET.classes()];
        float[] corrected = new float[raw.length];
        java.util.Random random = new java.util.Random(3);
        for (int k = 0; k < N; k++) {
            double rawSum = 0;
            double correctedSum = 0;
            for (int c = 0; c < NET.classes(); c++) {
                float p = random.nextFloat() + 0.01f;
                raw[k * NET.classes() + c] = p;
                corrected[k * NET.classes() + c] = (float) (p * Math.exp(shift[c]));
                rawSum += p;
                correctedSum += corrected[k * NET.classes() + c];
            }
            for (int c = 0; c < NET.classes(); c++) {
                raw[k * NET.classes() + c] /= (float) rawSum;
                corrected[k * NET.classes() + c] /= (float) correctedSum;
            }
        }
        Parameters initial = Parameters.initial(NET, 5);
        try (TrainingGraph unshifted = new TrainingGraph(NET, options(), initial, null, 0.5f);
             TrainingGraph shifted = new TrainingGraph(NET, options(), initial, shift, 0.5f);
             Batch batch = BatchNormTest.batch(0, N);
             TFloat32 rawTargets = tensor(raw);
             TFloat32 correctedTargets = tensor(corrected)) {
            TrainingGraph.BatchScore expected = unshifted.train(batch, 0.01f, 1, rawTargets);
            TrainingGraph.BatchScore actual = shifted.train(batch, 0.01f, 1, correctedTargets);
            assertThat(actual.lossSum()).isCloseTo(expected.lossSum(), offset(1e-3));
            assertSameWeights(unshifted.trainedParameters(), shifted.trainedParameters(), 1e-5f);
        }
    }

    @Test
    void aDistillingStepWithoutTheTeachersIsRefused() {
        try (TrainingGraph distilling = new TrainingGraph(NET, options(), Parameters.initial(NET, 5), null, 0.7f);
             Batch batch = BatchNormTest.batch(0, N)) {
            assertThatThrownBy(() -> distilling.train(batch, 0.01f, 0)).hasMessageContaining("teachers");
        }
    }

    @Test
    void refusesAWeightOutsideZeroToOneAndATeacherThatIsNoModel(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> new Distillation(List.of(dir), 0f)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new Distillation(List.of(dir), 1.5f)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new Teachers(List.of(dir), 1)).isInstanceOf(TrainingException.class)
                .hasMessageContaining("saved_model.pb");
    }

    private static void assertSameWeights(Parameters expected, Parameters actual, float tolerance) {
        for (Parameters.Slot slot : Parameters.slots(NET)) {
            float[] e = expected.get(slot.name());
            float[] a = actual.get(slot.name());
            for (int i = 0; i < e.length; i++) {
                assertThat(a[i]).as("%s[%d]", slot.name(), i).isCloseTo(e[i], offset(tolerance));
            }
        }
    }
}
