package hcr.read;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextScoreTest {
    @Test
    void anExactReadingHasNoEditsAndTheRightCount() {
        TextScore s = TextScore.of("SW1A", "SW1A");
        assertThat(s.edits()).isZero();
        assertThat(s.exact()).isTrue();
        assertThat(s.countRight()).isTrue();
    }

    @Test
    void aDroppedAndASubstitutedCharacterAreTwoEdits() {
        TextScore s = TextScore.of("12345", "1245x");
        assertThat(s.edits()).isEqualTo(2);
        assertThat(s.countRight()).isTrue();
        assertThat(s.exact()).isFalse();
    }

    @Test
    void caseErrorsAreSubstitutionsThatOnlyChangeTheCase() {
        TextScore s = TextScore.of("cOsX7", "COSx1");
        assertThat(s.edits()).isEqualTo(4);
        assertThat(s.caseErrors()).isEqualTo(3);
    }

    @Test
    void aMissingCharacterIsNotACaseError() {
        assertThat(TextScore.of("abc", "ab").caseErrors()).isZero();
        assertThat(TextScore.of("abc", "ab").countRight()).isFalse();
    }

    @Property
    void editsAreAtMostTheLongerLengthAndZeroOnlyForEqualStrings(
            @ForAll @AlphaChars @StringLength(max = 10) String truth, @ForAll @AlphaChars @StringLength(max = 10) String read) {
        TextScore s = TextScore.of(truth, read);
        assertThat(s.edits()).isBetween(Math.abs(truth.length() - read.length()), Math.max(truth.length(), read.length()));
        assertThat(s.edits() == 0).isEqualTo(truth.equals(read));
        assertThat(s.caseErrors()).isLessThanOrEqualTo(s.edits());
    }
}
