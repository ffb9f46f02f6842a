package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseFoldingTest {
    @Test
    void allLettersFoldsEveryLetterButNothingElse() {
        assertThat(CaseFolding.ALL_LETTERS.same("A", "a")).isTrue();
        assertThat(CaseFolding.ALL_LETTERS.same("q", "Q")).isTrue();
        assertThat(CaseFolding.ALL_LETTERS.same("0", "O")).isFalse();
        assertThat(CaseFolding.ALL_LETTERS.same("7", "7")).isTrue();
    }

    @Test
    void lookalikeLettersFoldsOnlyEmnistsMergedPairs() {
        assertThat(CaseFolding.LOOKALIKE_LETTERS.same("C", "c")).isTrue();
        assertThat(CaseFolding.LOOKALIKE_LETTERS.same("o", "O")).isTrue();
        assertThat(CaseFolding.LOOKALIKE_LETTERS.same("A", "a")).isFalse();
        assertThat(CaseFolding.LOOKALIKE_LETTERS.same("b", "B")).isFalse();
        assertThat(CaseFolding.LOOKALIKE_LETTERS.same("b", "b")).isTrue();
    }
}
