package hcr.eval;

/**
 * One class's figures. A ratio with an empty denominator is 0 (as scikit-learn's
 * {@code zero_division=0}): a class never predicted has precision 0, one never seen recall 0.
 *
 * @param support images whose true label is this class
 */
public record ClassMetrics(String label, double precision, double recall, double f1, long support) {

    static ClassMetrics of(String label, long truePositives, long predicted, long support) {
        double precision = ratio(truePositives, predicted);
        double recall = ratio(truePositives, support);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, precision, recall, f1, support);
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
