package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants that hold for any labels and probabilities. */
class EvaluationPropertiesTest {

    record Scored(List<String> labels, int[] truth, float[] probabilities) {
        Evaluation evaluate() {
            return Evaluation.of(labels, truth, probabilities);
        }
    }

    @Provide
    Arbitrary<Scored> scored() {
        return Arbitraries.integers().between(2, 8).flatMap(classes ->
                Arbitraries.integers().between(0, classes - 1).array(int[].class).ofMinSize(1).ofMaxSize(40)
                        .flatMap(truth -> Arbitraries.floats().between(0, 1)
                                .array(float[].class).ofSize(truth.length * classes)
                                .map(p -> new Scored(letters(classes), truth, p))));
    }

    private static List<String> letters(int n) {
        return IntStream.range(0, n).mapToObj(i -> Character.toString(i % 2 == 0 ? 'A' + i / 2 : 'a' + i / 2)).toList();
    }

    @Property
    void accuracyIsTheTraceOverTheTotal(@ForAll("scored") Scored s) {
        Evaluation e = s.evaluate();
        ConfusionMatrix m = e.confusionMatrix();
        assertThat(e.accuracy()).isEqualTo((double) m.trace() / m.total());
        assertThat(m.total()).isEqualTo(s.truth().length);
    }

    @Property
    void supportsSumToTheTotal(@ForAll("scored") Scored s) {
        Evaluation e = s.evaluate();
        assertThat(e.perClass().stream().mapToLong(ClassMetrics::support).sum()).isEqualTo(e.count());
    }

    @Property
    void topKGrowsWithKFromAccuracyToOne(@ForAll("scored") Scored s) {
        Evaluation e = s.evaluate();
        assertThat(e.topK(1)).isEqualTo(e.accuracy());
        for (int k = 2; k <= s.labels().size(); k++) {
            assertThat(e.topK(k)).isGreaterThanOrEqualTo(e.topK(k - 1));
        }
        assertThat(e.topK(s.labels().size())).isEqualTo(1.0);
    }

    @Property
    void caseFoldingOnlyForgives(@ForAll("scored") Scored s) {
        Evaluation e = s.evaluate();
        assertThat(e.caseInsensitiveAccuracy(CaseFolding.LOOKALIKE_LETTERS)).isGreaterThanOrEqualTo(e.accuracy());
        assertThat(e.caseInsensitiveAccuracy()).isGreaterThanOrEqualTo(e.caseInsensitiveAccuracy(CaseFolding.LOOKALIKE_LETTERS));
    }

    @Property
    void lossLiesBetweenZeroAndTheClampsCost(@ForAll("scored") Scored s) {
        assertThat(s.evaluate().loss()).isBetween(0.0, -Math.log(Evaluation.MIN_PROBABILITY) + 1e-9);
    }

    @Property
    void batchByBatchEqualsAllAtOnce(@ForAll("scored") Scored s) {
        Evaluation.Accumulator accumulator = new Evaluation.Accumulator(s.labels());
        for (int i = 0; i < s.truth().length; i++) {
            accumulator.add(s.truth()[i], s.probabilities(), i * s.labels().size());
        }
        Evaluation batched = accumulator.build();
        Evaluation whole = s.evaluate();
        assertThat(batched.confusionMatrix().toArray()).isEqualTo(whole.confusionMatrix().toArray());
        assertThat(batched.loss()).isCloseTo(whole.loss(), within(1e-9));
    }
}
