package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on a five-image case worked out by hand (labels A, a, b). */
class EvaluationTest {
    private static final List<String> LABELS = List.of("A", "a", "b");
    private static final int A = 0;
    private static final int SMALL_A = 1;
    private static final int B = 2;

    private final Evaluation evaluation = Evaluation.of(LABELS,
            new int[] {A, SMALL_A, B, B, SMALL_A},
            new float[] {
                    0.7f, 0.2f, 0.1f,  // A, right
                    0.6f, 0.3f, 0.1f,  // a taken for A: right ignoring case, true label 2nd
                    0.2f, 0.3f, 0.5f,  // b, right
                    0.1f, 0.5f, 0.4f,  // b taken for a, true label 2nd
                    0.0f, 0.0f, 1.0f}); // a taken for b with p(a) = 0: 3rd (tie with A broken by order)

    @Test
    void accuracyIsTheShareOfMostProbableLabelsThatAreTrue() {
        assertThat(evaluation.count()).isEqualTo(5);
        assertThat(evaluation.accuracy()).isEqualTo(0.4);
    }

    @Test
    void topKCountsTheTrueLabelAmongTheKMostProbable() {
        assertThat(evaluation.topK(1)).isEqualTo(0.4);
        assertThat(evaluation.topK(2)).isEqualTo(0.8);
        assertThat(evaluation.topK(3)).isEqualTo(1.0);
        assertThat(evaluation.topK(10)).isEqualTo(1.0);
        assertThatThrownBy(() -> evaluation.topK(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lossIsTheMeanNaturalLogLossWithZeroClampedTo1e7() {
        double expected = -(Math.log(0.7) + Math.log(0.3) + Math.log(0.5) + Math.log(0.4) + Math.log(1e-7)) / 5;
        assertThat(evaluation.loss()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void caseInsensitiveAccuracyForgivesACaseSlip() {
        assertThat(evaluation.caseInsensitiveAccuracy()).isEqualTo(0.6);
        // a/A is not one of EMNIST's look-alike pairs
        assertThat(evaluation.caseInsensitiveAccuracy(CaseFolding.LOOKALIKE_LETTERS)).isEqualTo(0.4);
    }

    @Test
    void confusionMatrixHasTruthInRowsAndPredictionsInColumns() {
        ConfusionMatrix m = evaluation.confusionMatrix();
        assertThat(m.toArray()).isEqualTo(new long[][] {{1, 0, 0}, {1, 0, 1}, {0, 1, 1}});
        assertThat(m.rowSum(SMALL_A)).isEqualTo(2);
        assertThat(m.columnSum(A)).isEqualTo(2);
        assertThat(m.trace()).isEqualTo(2);
        assertThat(m.total()).isEqualTo(5);
        assertThat(m.maxOffDiagonal()).isEqualTo(1);
    }

    @Test
    void perClassFiguresFollowFromTheMatrix() {
        assertThat(evaluation.perClass()).satisfiesExactly(
                m -> assertClass(m, "A", 0.5, 1.0, 2.0 / 3, 1),
                m -> assertClass(m, "a", 0.0, 0.0, 0.0, 2),
                m -> assertClass(m, "b", 0.5, 0.5, 0.5, 2));
        assertThat(evaluation.macroF1()).isCloseTo((2.0 / 3 + 0 + 0.5) / 3, within(1e-12));
    }

    @Test
    void confusedPairsAreTheLargestOffDiagonalCellsInLabelOrderOnTies() {
        assertThat(evaluation.confusedPairs(2)).containsExactly(
                new ConfusedPair("a", "A", 1), new ConfusedPair("a", "b", 1));
        assertThat(evaluation.confusedPairs(10)).hasSize(3);
    }

    @Test
    void anEmptyEvaluationReportsZerosNotNaN() {
        Evaluation empty = Evaluation.of(LABELS, new int[0], new float[0]);
        assertThat(empty.accuracy()).isZero();
        assertThat(empty.loss()).isZero();
        assertThat(empty.topK(2)).isZero();
        assertThat(empty.macroF1()).isZero();
    }

    @Test
    void rejectsProbabilitiesOfTheWrongWidthAndLabelsOutOfRange() {
        assertThatThrownBy(() -> Evaluation.of(LABELS, new int[] {0}, new float[2]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Evaluation.of(LABELS, new int[] {3}, new float[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertClass(ClassMetrics m, String label, double precision, double recall, double f1, long support) {
        assertThat(m.label()).isEqualTo(label);
        assertThat(m.precision()).isCloseTo(precision, within(1e-12));
        assertThat(m.recall()).isCloseTo(recall, within(1e-12));
        assertThat(m.f1()).isCloseTo(f1, within(1e-12));
        assertThat(m.support()).isEqualTo(support);
    }
}
