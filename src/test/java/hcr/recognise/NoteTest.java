package hcr.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NoteTest {
    @Property
    void oneCharacterReadWithConfidenceHasNoNote(@ForAll @FloatRange(min = Note.UNSURE, max = 1) float probability) {
        assertThat(Note.of(1, new Candidate("A", probability))).isEmpty();
    }

    @Property
    void aLowBestProbabilityIsUnsure(@ForAll @FloatRange(min = 0, max = Note.UNSURE, maxIncluded = false) float probability) {
        assertThat(Note.of(1, new Candidate("A", probability))).get()
                .extracting(Note::kind).isEqualTo(Note.Kind.UNSURE);
    }

    @Property
    void severalCharactersAreNotedWhateverTheProbability(@ForAll @IntRange(min = 2, max = 9) int characters,
            @ForAll @FloatRange(min = 0, max = 1) float probability) {
        assertThat(Note.of(characters, new Candidate("M", probability))).get()
                .satisfies(note -> {
                    assertThat(note.kind()).isEqualTo(Note.Kind.SEVERAL_CHARACTERS);
                    assertThat(note.text()).contains(characters + " characters side by side").contains("hcr read");
                });
    }

    @Test
    void theTextsHoldNoCommaSoTheyStayOneCsvFieldUnquoted() {
        assertThat(Note.of(2, new Candidate("M", 0.73f)).orElseThrow().text()).doesNotContain(",")
                .isEqualTo("looks like 2 characters side by side: hcr read reads them");
        assertThat(Note.of(1, new Candidate("g", 0.318f)).orElseThrow().text()).doesNotContain(",")
                .isEqualTo("unsure: best probability 0.32");
    }

    @Test
    void aRecognitionIsNotedFromTheTensorTheModelSaw() {
        float[] twoBlocks = new float[28 * 28];
        for (int y = 8; y < 20; y++) {
            for (int x = 3; x < 11; x++) {
                twoBlocks[y * 28 + x] = 1f;
                twoBlocks[y * 28 + x + 13] = 1f;
            }
        }

        assertThat(new Recognition(java.util.List.of(new Candidate("M", 0.73f)), twoBlocks).note())
                .get().extracting(Note::kind).isEqualTo(Note.Kind.SEVERAL_CHARACTERS);
        assertThat(new Recognition(java.util.List.of(new Candidate("M", 0.73f)), new float[28 * 28]).note()).isEmpty();
    }
}
