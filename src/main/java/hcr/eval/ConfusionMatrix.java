package hcr.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts of (true label, predicted label): rows are the truth, columns the prediction, as in
 * scikit-learn and Tribuo. Immutable; {@link Counter} fills one.
 */
public final class ConfusionMatrix {
    private final List<String> labels;
    private final long[][] counts;

    private ConfusionMatrix(List<String> labels, long[][] counts) {
        this.labels = List.copyOf(labels);
        this.counts = counts;
    }

    /** Builds a matrix from counts[actual][predicted] (copied). */
    public static ConfusionMatrix of(List<String> labels, long[][] counts) {
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException(counts.length + " rows for " + labels.size() + " labels");
        }
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i].length != labels.size()) {
                throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns, not " + labels.size());
            }
            copy[i] = counts[i].clone();
        }
        return new ConfusionMatrix(labels, copy);
    }

    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public long count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** Images whose true label is {@code actual}: the class's support. */
    public long rowSum(int actual) {
        long sum = 0;
        for (long c : counts[actual]) {
            sum += c;
        }
        return sum;
    }

    /** Images predicted as {@code predicted}. */
    public long columnSum(int predicted) {
        long sum = 0;
        for (long[] row : counts) {
            sum += row[predicted];
        }
        return sum;
    }

    /** Correct predictions: the diagonal's sum. */
    public long trace() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    public long total() {
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += rowSum(i);
        }
        return sum;
    }

    public long maxOffDiagonal() {
        long max = 0;
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts.length; p++) {
                if (a != p) {
                    max = Math.max(max, counts[a][p]);
                }
            }
        }
        return max;
    }

    /** The {@code n} largest off-diagonal cells, largest first (ties in label order); empty cells never. */
    public List<ConfusedPair> mostConfused(int n) {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (int a = 0; a < counts.length; a++) {
            for (int p = 0; p < counts.length; p++) {
                if (a != p && counts[a][p] > 0) {
                    pairs.add(new ConfusedPair(labels.get(a), labels.get(p), counts[a][p]));
                }
            }
        }
        // A stable sort keeps label order among equal counts.
        pairs.sort(Comparator.comparingLong(ConfusedPair::count).reversed());
        return List.copyOf(pairs.subList(0, Math.min(n, pairs.size())));
    }

    /** A copy of the counts, [actual][predicted]. */
    public long[][] toArray() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Fills a matrix one prediction at a time. Not thread-safe. */
    public static final class Counter {
        private final List<String> labels;
        private final long[][] counts;

        public Counter(List<String> labels) {
            this.labels = List.copyOf(labels);
            this.counts = new long[labels.size()][labels.size()];
        }

        public void add(int actual, int predicted) {
            counts[actual][predicted]++;
        }

        public ConfusionMatrix build() {
            return ConfusionMatrix.of(labels, counts);
        }
    }
}
