package hcr.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how a line's atoms group into characters: every run of 1 to {@link #MAX_RUN}
 * consecutive atoms is a candidate character with a score (the model's log-probability of its best
 * character plus a shape prior), and the best path through the line is the one whose scores sum
 * highest (dynamic programming, linear in the number of atoms).
 */
final class PathDecoder {
    static final int MAX_RUN = 4;

    /** The candidate characters a line offers: run {@code (start, length)}, its box and its score once known. */
    record Run(int start, int length, Box box) {
        int end() {
            return start + length;
        }
    }

    private final Weights weights;

    PathDecoder(Weights weights) {
        this.weights = weights;
    }

    /**
     * The shape prior's knobs, in units of the line height.
     *
     * @param characterBonus added per character, so that a path of several confident characters
     *                       is not beaten by one merged guess just because it multiplies fewer probabilities
     * @param cutCost        taken per character that starts at a cut through a blob rather than
     *                       between blobs: a blob that reads well whole stays whole
     * @param shapeWeight    per squared spread a candidate's aspect lies outside its character's usual range
     * @param widePenalty    per squared line height of width beyond {@code wideFrom}
     * @param wideFrom       widest ordinary character
     * @param maxWidth       no candidate of several atoms is wider
     * @param maxGap         no candidate of several atoms has a larger blank gap inside
     */
    record Weights(double characterBonus, double cutCost, double shapeWeight, double widePenalty, double wideFrom, double maxWidth, double maxGap) {
        static final Weights DEFAULT = new Weights(1.0, 1.2, 1.0, 4.0, 1.0, 1.6, 0.35);
    }

    /** The runs worth scoring: single atoms always, longer runs only when they can be one character. */
    List<Run> candidates(List<Piece> atoms, int lineHeight) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < atoms.size(); i++) {
            Box box = atoms.get(i).box();
            runs.add(new Run(i, 1, box));
            for (int n = 2; n <= MAX_RUN && i + n <= atoms.size(); n++) {
                box = box.union(atoms.get(i + n - 1).box());
                if (box.width() > weights.maxWidth * lineHeight) {
                    break;
                }
                if (largestGap(atoms, i, i + n) <= weights.maxGap * lineHeight) {
                    runs.add(new Run(i, n, box));
                }
            }
        }
        return runs;
    }

    Weights weights() {
        return weights;
    }

    /**
     * The score of one candidate given the best, over the charset, of each character's
     * log-probability less its shape misfit ({@link ShapePrior}).
     */
    double score(List<Piece> atoms, Run run, double logProbability, int lineHeight) {
        double excess = Math.max(0, (double) run.box().width() / lineHeight - weights.wideFrom);
        boolean startsAtCut = run.start() > 0 && atoms.get(run.start() - 1).blob() == atoms.get(run.start()).blob();
        return logProbability + weights.characterBonus - (startsAtCut ? weights.cutCost : 0)
                - weights.widePenalty * excess * excess;
    }

    /**
     * @param scores one per run, in the order of {@code runs}
     * @return the chosen runs' indices into {@code runs}, left to right
     */
    static List<Integer> bestPath(int atoms, List<Run> runs, double[] scores) {
        double[] best = new double[atoms + 1];
        int[] via = new int[atoms + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(via, -1);
        best[0] = 0;
        // Runs are listed by start, so every run leading into an atom is settled before it is extended.
        for (int r = 0; r < runs.size(); r++) {
            Run run = runs.get(r);
            double total = best[run.start()] + scores[r];
            if (best[run.start()] > Double.NEGATIVE_INFINITY && total > best[run.end()]) {
                best[run.end()] = total;
                via[run.end()] = r;
            }
        }
        List<Integer> path = new ArrayList<>();
        for (int at = atoms; at > 0; ) {
            int r = via[at];
            path.add(0, r);
            at = runs.get(r).start();
        }
        return path;
    }

    private static int largestGap(List<Piece> atoms, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            boxes.add(atoms.get(i).box());
        }
        boxes.sort(java.util.Comparator.comparingInt(Box::x));
        int gap = 0;
        int reach = boxes.get(0).right();
        for (Box b : boxes) {
            gap = Math.max(gap, b.x() - reach);
            reach = Math.max(reach, b.right());
        }
        return gap;
    }
}
