package hcr.recognise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.LabelMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LabellerTest {
    private static final List<String> BYCLASS = LabelMap.byClass().characters();

    @Property
    void theBestCandidateIsTheMostProbableAndTheRestFollowInOrder(
            @ForAll @Size(62) List<@FloatRange(min = 0, max = 1) Float> row,
            @ForAll @IntRange(min = 1, max = 70) int k) {
        float[] probabilities = toArray(row);

        List<Candidate> top = new Labeller(BYCLASS, k).candidates(probabilities, 0);

        float max = row.stream().max(Float::compare).orElseThrow();
        assertThat(top).hasSize(Math.min(k, 62));
        assertThat(top.get(0).probability()).isEqualTo(max);
        assertThat(top).extracting(Candidate::probability).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(top).extracting(Candidate::character).doesNotHaveDuplicates();
    }

    @Property
    void aCharsetNeverYieldsACharacterOutsideItAndItsProbabilitiesSumToOne(
            @ForAll @Size(62) List<@FloatRange(min = 0.01f, max = 1) Float> row,
            @ForAll("charsets") String spec) {
        Charset charset = Charset.parse(spec);
        float[] probabilities = toArray(row);

        List<Candidate> all = new Labeller(BYCLASS, 62, charset).candidates(probabilities, 0);

        assertThat(all).allSatisfy(c -> assertThat(charset.contains(c.character())).isTrue());
        assertThat(all).hasSize((int) BYCLASS.stream().filter(charset::contains).count());
        double sum = all.stream().mapToDouble(Candidate::probability).sum();
        assertThat(sum).isCloseTo(1.0, Offset.offset(1e-4));
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("digits", "upper", "lower", "letters", "0-9A-F", "ACGT", "digits,X", "z");
    }

    @Test
    void restrictingToDigitsTurnsAnOIntoAZero() {
        float[] row = new float[62];
        row[BYCLASS.indexOf("O")] = 0.6f;
        row[BYCLASS.indexOf("0")] = 0.3f;
        row[BYCLASS.indexOf("8")] = 0.1f;

        List<Candidate> top = new Labeller(BYCLASS, 2, Charset.parse("digits")).candidates(row, 0);

        assertThat(top).extracting(Candidate::character).containsExactly("0", "8");
        assertThat(top.get(0).probability()).isCloseTo(0.75f, Offset.offset(1e-6f));
    }

    @Test
    void theDefaultCharsetLeavesProbabilitiesAsTheModelGaveThem() {
        float[] row = new float[62];
        row[10] = 0.5f;

        assertThat(new Labeller(BYCLASS, 1, Charset.all()).candidates(row, 0).get(0).probability()).isEqualTo(0.5f);
    }

    @Test
    void aCharsetWithCharactersTheModelDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> new Labeller(BYCLASS, 1, Charset.parse("0-9#")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not know: #");
    }

    @Test
    void tiesGoToTheLowerClassSoResultsAreDeterministic() {
        float[] uniform = new float[62];
        java.util.Arrays.fill(uniform, 1f / 62);

        List<Candidate> top = new Labeller(BYCLASS, 3).candidates(uniform, 0);

        assertThat(top).extracting(Candidate::character).containsExactly("0", "1", "2");
    }

    @Test
    void readsItsRowAtTheOffsetInABatch() {
        float[] twoRows = new float[124];
        twoRows[62 + 10] = 0.9f; // second image: 'A'

        Candidate best = new Labeller(BYCLASS, 1).candidates(twoRows, 62).get(0);

        assertThat(best.character()).isEqualTo("A");
        assertThat(best.code()).isEqualTo(65);
    }

    private static float[] toArray(List<Float> row) {
        float[] a = new float[row.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = row.get(i);
        }
        return a;
    }
}
