package hcr.recognise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.LabelMap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CharsetTest {
    private static final List<String> BYCLASS = LabelMap.byClass().characters();

    @ParameterizedTest
    @CsvSource({"digits,10", "upper,26", "lower,26", "letters,52", "alnum,62", "DIGITS,10",
            "0-9A-F,16", "ACGT,4", "'digits,X',11", "a-c,3"})
    void namedSetsAndListsKeepTheirCharacters(String spec, int size) {
        assertThat(Charset.parse(spec).maskFor(BYCLASS).cardinality()).isEqualTo(size);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "9-0", "digits,"})
    void malformedSpellingsAreRefusedWithAReason(String spec) {
        assertThatThrownBy(() -> Charset.parse(spec)).isInstanceOf(IllegalArgumentException.class)
                .message().isNotBlank();
    }

    @org.junit.jupiter.api.Test
    void onlyTheFullSetCoversEveryLabel() {
        assertThat(Charset.parse("alnum").coversAll(BYCLASS)).isTrue();
        assertThat(Charset.parse("letters").coversAll(BYCLASS)).isFalse();
    }
}
