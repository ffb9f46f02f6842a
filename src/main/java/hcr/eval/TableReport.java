package hcr.eval;

import java.io.PrintWriter;
import java.util.Locale;

/** The evaluation as a table for people: summary figures, every class, the most frequent mistakes. */
public final class TableReport {
    private TableReport() {
    }

    public static void write(Evaluation e, EvaluationContext context, int confusedPairs, PrintWriter out) {
        Locale l = Locale.ROOT;
        out.printf(l, "model   %s (backend %s)%n", context.model(), context.backend());
        out.printf(l, "data    %s: %,d images%n%n", context.data(), e.count());
        out.printf(l, "accuracy                      %7.2f%%%n", 100 * e.accuracy());
        out.printf(l, "top-2 accuracy                %7.2f%%%n", 100 * e.topK(2));
        out.printf(l, "top-3 accuracy                %7.2f%%%n", 100 * e.topK(3));
        out.printf(l, "case-insensitive accuracy     %7.2f%%  (all letters: a = A)%n", 100 * e.caseInsensitiveAccuracy());
        out.printf(l, "  look-alike letters only     %7.2f%%  (c i j k l m o p s u v w x y z, as EMNIST ByMerge)%n",
                100 * e.caseInsensitiveAccuracy(CaseFolding.LOOKALIKE_LETTERS));
        out.printf(l, "mean loss                     %8.4f  (cross-entropy in nats, p clamped to >= 1e-7)%n", e.loss());
        out.printf(l, "macro F1                      %8.4f  (classes present)%n%n", e.macroF1());

        out.printf(l, "%-5s %9s %7s %7s %8s%n", "class", "precision", "recall", "f1", "support");
        for (ClassMetrics m : e.perClass()) {
            out.printf(l, "%-5s %9.3f %7.3f %7.3f %,8d%n", m.label(), m.precision(), m.recall(), m.f1(), m.support());
        }

        out.printf(l, "%nmost confused (true -> predicted)%n");
        for (ConfusedPair pair : e.confusedPairs(confusedPairs)) {
            long support = e.confusionMatrix().rowSum(e.labels().indexOf(pair.actual()));
            out.printf(l, "  %s -> %s %,7d  (%.1f%% of %s)%n", pair.actual(), pair.predicted(), pair.count(),
                    100.0 * pair.count() / support, pair.actual());
        }
        out.flush();
    }
}
