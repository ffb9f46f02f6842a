package hcr.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's results on labelled images: accuracy, loss, top-k, per-class figures and the
 * confusion matrix. Built from true labels and predicted probabilities ({@link #of}, or
 * {@link Accumulator} batch by batch); immutable.
 *
 * <p>The prediction is the most probable label, the first one on ties, and the top-k ranking breaks
 * ties the same way, so {@code topK(1) == accuracy()} always.
 */
public final class Evaluation {
    /**
     * Probabilities are clamped to at least this before the log, so one confident mistake (p = 0
     * in float32) costs ln(1e7) = 16.1 instead of making the mean loss infinite.
     */
    public static final double MIN_PROBABILITY = 1e-7;

    private final ConfusionMatrix confusion;
    private final long[] trueLabelRanks;
    private final double lossSum;

    private Evaluation(ConfusionMatrix confusion, long[] trueLabelRanks, double lossSum) {
        this.confusion = confusion;
        this.trueLabelRanks = trueLabelRanks;
        this.lossSum = lossSum;
    }

    /** @param probabilities row-major [trueLabels.length][labels.size()] */
    public static Evaluation of(List<String> labels, int[] trueLabels, float[] probabilities) {
        Accumulator accumulator = new Accumulator(labels);
        accumulator.add(trueLabels, probabilities);
        return accumulator.build();
    }

    public long count() {
        return confusion.total();
    }

    public List<String> labels() {
        return confusion.labels();
    }

    /** Share of images whose most probable label is the true one (0 for no images). */
    public double accuracy() {
        return share(confusion.trace());
    }

    /** Mean cross-entropy in nats: the mean of -ln(max(p(true label), {@value #MIN_PROBABILITY})). */
    public double loss() {
        return count() == 0 ? 0 : lossSum / count();
    }

    /** Share of images whose true label is among the {@code k} most probable. */
    public double topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        long hits = 0;
        for (int rank = 0; rank < Math.min(k, trueLabelRanks.length); rank++) {
            hits += trueLabelRanks[rank];
        }
        return share(hits);
    }

    /** Accuracy with "all letters" case folding: "a" for "A" counts as right. */
    public double caseInsensitiveAccuracy() {
        return caseInsensitiveAccuracy(CaseFolding.ALL_LETTERS);
    }

    public double caseInsensitiveAccuracy(CaseFolding folding) {
        List<String> labels = labels();
        long hits = 0;
        for (int a = 0; a < labels.size(); a++) {
            for (int p = 0; p < labels.size(); p++) {
                if (folding.same(labels.get(a), labels.get(p))) {
                    hits += confusion.count(a, p);
                }
            }
        }
        return share(hits);
    }

    /** Precision, recall, F1 and support of every label, in label order. */
    public List<ClassMetrics> perClass() {
        List<ClassMetrics> metrics = new ArrayList<>(labels().size());
        for (int c = 0; c < labels().size(); c++) {
            metrics.add(ClassMetrics.of(labels().get(c), confusion.count(c, c), confusion.columnSum(c), confusion.rowSum(c)));
        }
        return metrics;
    }

    /** The unweighted mean F1 over the labels that occur in the data (support > 0). */
    public double macroF1() {
        return perClass().stream().filter(m -> m.support() > 0).mapToDouble(ClassMetrics::f1).average().orElse(0);
    }

    /** The {@code n} most frequent mistakes (true label, predicted label), most frequent first. */
    public List<ConfusedPair> confusedPairs(int n) {
        return confusion.mostConfused(n);
    }

    public ConfusionMatrix confusionMatrix() {
        return confusion;
    }

    private double share(long hits) {
        long total = count();
        return total == 0 ? 0 : (double) hits / total;
    }

    /** Collects results batch by batch (the whole set's probabilities are never held). Not thread-safe. */
    public static final class Accumulator {
        private final List<String> labels;
        private final ConfusionMatrix.Counter confusion;
        private final long[] trueLabelRanks;
        private double lossSum;

        public Accumulator(List<String> labels) {
            this.labels = List.copyOf(labels);
            this.confusion = new ConfusionMatrix.Counter(labels);
            this.trueLabelRanks = new long[labels.size()];
        }

        /** Adds one image's result: its true label and probabilities at {@code probabilities[offset ..]}. */
        public void add(int trueLabel, float[] probabilities, int offset) {
            int classes = labels.size();
            if (trueLabel < 0 || trueLabel >= classes) {
                throw new IllegalArgumentException("label " + trueLabel + " outside 0.." + (classes - 1));
            }
            float pTrue = probabilities[offset + trueLabel];
            int predicted = 0;
            int rank = 0;
            for (int c = 0; c < classes; c++) {
                float p = probabilities[offset + c];
                if (p > probabilities[offset + predicted]) {
                    predicted = c;
                }
                if (p > pTrue || (p == pTrue && c < trueLabel)) {
                    rank++;
                }
            }
            confusion.add(trueLabel, predicted);
            trueLabelRanks[rank]++;
            lossSum -= Math.log(Math.max(pTrue, MIN_PROBABILITY));
        }

        /** Adds {@code trueLabels.length} images, probabilities row-major. */
        public void add(int[] trueLabels, float[] probabilities) {
            if (probabilities.length != trueLabels.length * labels.size()) {
                throw new IllegalArgumentException(probabilities.length + " probabilities for " + trueLabels.length
                        + " images of " + labels.size() + " labels");
            }
            for (int i = 0; i < trueLabels.length; i++) {
                add(trueLabels[i], probabilities, i * labels.size());
            }
        }

        public Evaluation build() {
            return new Evaluation(confusion.build(), trueLabelRanks.clone(), lossSum);
        }
    }
}
