package hcr.recognise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The output half of the translator: one row of probabilities → the {@code k} most likely
 * characters of the {@link Charset}, named by the model card's labels, with probabilities
 * renormalised over the set. Ties go to the lower class index, so results are deterministic.
 * Stateless and thread-safe.
 */
public final class Labeller {
    private final List<String> labels;
    private final int k;
    private final BitSet allowed;
    private final boolean restricted;

    /** @param k how many candidates to keep; more than the label count keeps them all */
    public Labeller(List<String> labels, int k) {
        this(labels, k, Charset.all());
    }

    /**
     * @param k how many candidates to keep; more than the set's size keeps them all
     * @throws IllegalArgumentException when the charset names a character the model does not know
     */
    public Labeller(List<String> labels, int k, Charset charset) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("no labels");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        this.labels = List.copyOf(labels);
        this.restricted = !charset.coversAll(labels);
        if (restricted) {
            this.allowed = charset.maskFor(labels);
        } else {
            this.allowed = new BitSet(labels.size());
            this.allowed.set(0, labels.size());
        }
        this.k = Math.min(k, allowed.cardinality());
    }

    public int labelCount() {
        return labels.size();
    }

    /** How many candidates each answer has: {@code k}, or fewer when the charset is smaller. */
    public int candidateCount() {
        return k;
    }

    /** Whether the charset keeps the model's output {@code index}. */
    public boolean allows(int index) {
        return allowed.get(index);
    }

    public List<String> labels() {
        return labels;
    }

    /** Reads {@code labelCount()} probabilities from {@code probabilities[offset ..]}. */
    public List<Candidate> candidates(float[] probabilities, int offset) {
        float scale = 1f;
        if (restricted) {
            double sum = 0;
            for (int i = allowed.nextSetBit(0); i >= 0; i = allowed.nextSetBit(i + 1)) {
                sum += probabilities[offset + i];
            }
            // A set the model gives no mass at all still gets an answer: the ranking stands, scaled to nothing.
            scale = sum > 0 ? (float) (1 / sum) : 0f;
        }
        // Selection by repeated maximum: k is tiny (1-5) against 62 labels, so this beats sorting.
        int[] chosen = new int[k];
        List<Candidate> best = new ArrayList<>(k);
        for (int rank = 0; rank < k; rank++) {
            int top = -1;
            for (int i = allowed.nextSetBit(0); i >= 0; i = allowed.nextSetBit(i + 1)) {
                if (!alreadyChosen(chosen, rank, i)
                        && (top < 0 || probabilities[offset + i] > probabilities[offset + top])) {
                    top = i;
                }
            }
            chosen[rank] = top;
            float p = probabilities[offset + top];
            best.add(new Candidate(labels.get(top), restricted ? Math.min(1f, p * scale) : p));
        }
        return best;
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
