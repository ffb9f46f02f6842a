package hcr.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The output half of the translator: one row of probabilities → the {@code k} most likely
 * characters, named by the model card's labels. Ties go to the lower class index, so results
 * are deterministic. Stateless and thread-safe.
 */
public final class Labeller {
    private final List<String> labels;
    private final int k;

    /** @param k how many candidates to keep; more than the label count keeps them all */
    public Labeller(List<String> labels, int k) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.labels = List.copyOf(labels);
        this.k = Math.min(k, labels.size());
    }

    public int labelCount() {
        return labels.size();
    }

    /** Reads {@code labelCount()} probabilities from {@code probabilities[offset ..]}. */
    public Prediction label(Path path, float[] probabilities, int offset) {
        // Selection by repeated maximum: k is tiny (1-5) against 62 labels, so this beats sorting.
        int[] chosen = new int[k];
        List<Candidate> best = new ArrayList<>(k);
        for (int rank = 0; rank < k; rank++) {
            int top = -1;
            for (int i = 0; i < labels.size(); i++) {
                if (!alreadyChosen(chosen, rank, i)
                        && (top < 0 || probabilities[offset + i] > probabilities[offset + top])) {
                    top = i;
                }
            }
            chosen[rank] = top;
            best.add(new Candidate(labels.get(top), probabilities[offset + top]));
        }
        return new Prediction(path, best);
    }

    private static boolean alreadyChosen(int[] chosen, int count, int index) {
        for (int i = 0; i < count; i++) {
            if (chosen[i] == index) {
                return true;
            }
        }
        return false;
    }
}
