package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** {@code hcr evaluate --charset}: answers restricted to the set, as infer's are. */
class EvaluatorCharsetTest {
    @Property(tries = 200)
    void restrictedProbabilitiesSumToOneAndAreZeroOutsideTheSet(@ForAll @IntRange(min = 1, max = 62) int classes,
            @ForAll long seed) {
        Random random = new Random(seed);
        float[] row = new float[classes + 2];
        BitSet allowed = new BitSet();
        for (int c = 0; c < classes; c++) {
            row[1 + c] = random.nextFloat() + 1e-3f;
            if (random.nextBoolean()) {
                allowed.set(c);
            }
        }
        allowed.set(random.nextInt(classes));

        Evaluator.restrict(row, 1, classes, allowed);

        double sum = 0;
        for (int c = 0; c < classes; c++) {
            if (!allowed.get(c)) {
                assertThat(row[1 + c]).isZero();
            }
            sum += row[1 + c];
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }
}
