package hcr.eval;

import java.util.Locale;
import java.util.Set;

/**
 * Which upper/lower-case letter pairs count as the same answer for a case-insensitive accuracy.
 * Handwriting alone often cannot tell them apart, so the figure says how much of the error is case.
 */
public enum CaseFolding {
    /** Every letter: a prediction of "a" for "A" counts as right. */
    ALL_LETTERS(Set.of("abcdefghijklmnopqrstuvwxyz".split(""))),
    /**
     * The 15 letters whose capital and small forms EMNIST's ByMerge and Balanced splits merge because
     * they look alike when handwritten: c i j k l m o p s u v w x y z.
     */
    LOOKALIKE_LETTERS(Set.of("c", "i", "j", "k", "l", "m", "o", "p", "s", "u", "v", "w", "x", "y", "z"));

    private final Set<String> foldedLetters;

    CaseFolding(Set<String> foldedLetters) {
        this.foldedLetters = foldedLetters;
    }

    /** Whether predicting {@code predicted} for {@code actual} counts as correct under this folding. */
    public boolean same(String actual, String predicted) {
        if (actual.equals(predicted)) {
            return true;
        }
        String a = actual.toLowerCase(Locale.ROOT);
        return a.equals(predicted.toLowerCase(Locale.ROOT)) && foldedLetters.contains(a);
    }
}
