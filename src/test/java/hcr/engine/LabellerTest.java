package hcr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.LabelMap;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LabellerTest {
    private static final List<String> BYCLASS = LabelMap.byClass().characters();

    @Property
    void theBestCandidateIsTheMostProbableAndTheRestFollowInOrder(
            @ForAll @Size(62) List<@FloatRange(min = 0, max = 1) Float> row,
            @ForAll @IntRange(min = 1, max = 70) int k) {
        float[] probabilities = new float[row.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = row.get(i);
        }

        List<Candidate> top = new Labeller(BYCLASS, k).label(Path.of("p"), probabilities, 0).candidates();

        float max = row.stream().max(Float::compare).orElseThrow();
        assertThat(top).hasSize(Math.min(k, 62));
        assertThat(top.get(0).probability()).isEqualTo(max);
        assertThat(top).extracting(Candidate::probability).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(top).extracting(Candidate::character).doesNotHaveDuplicates();
    }

    @Test
    void tiesGoToTheLowerClassSoResultsAreDeterministic() {
        float[] uniform = new float[62];
        java.util.Arrays.fill(uniform, 1f / 62);

        Prediction p = new Labeller(BYCLASS, 3).label(Path.of("p"), uniform, 0);

        assertThat(p.candidates()).extracting(Candidate::character).containsExactly("0", "1", "2");
    }

    @Test
    void readsItsRowAtTheOffsetInABatch() {
        float[] twoRows = new float[124];
        twoRows[62 + 10] = 0.9f; // second image: 'A'

        Prediction p = new Labeller(BYCLASS, 1).label(Path.of("p"), twoRows, 62);

        assertThat(p.best().character()).isEqualTo("A");
        assertThat(p.best().code()).isEqualTo(65);
    }
}
