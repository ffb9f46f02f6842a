package hcr.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a line's characters into words: a gap is a word gap when it is wide against the line
 * height and against the line's own usual gap between letters, so a widely spaced hand keeps its
 * words whole.
 */
final class WordGaps {
    /** No gap narrower than this many line heights separates words. */
    static final double MIN_WORD_GAP = 0.8;
    /** Nor one less than this many times the line's median gap. */
    static final double TIMES_MEDIAN = 2.5;

    private WordGaps() {
    }

    static List<Word> split(List<ReadCharacter> characters, int lineHeight) {
        int n = characters.size();
        int[] gaps = new int[Math.max(0, n - 1)];
        for (int i = 1; i < n; i++) {
            gaps[i - 1] = characters.get(i).box().x() - characters.get(i - 1).box().right();
        }
        int[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double median = sorted.length == 0 ? 0 : Math.max(0, sorted[sorted.length / 2]);
        double threshold = Math.max(MIN_WORD_GAP * lineHeight, TIMES_MEDIAN * median);
        List<Word> words = new ArrayList<>();
        List<ReadCharacter> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0 && gaps[i - 1] > threshold) {
                words.add(new Word(current));
                current = new ArrayList<>();
            }
            current.add(characters.get(i));
        }
        if (!current.isEmpty()) {
            words.add(new Word(current));
        }
        return words;
    }
}
