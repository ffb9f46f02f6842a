package hcr.read;

import hcr.image.InkMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns the blobs of one line into atoms, the smallest pieces a character is built from: small
 * blobs that sit over or under another (an i's dot, a broken-off stroke) are joined to it, and
 * blobs too wide to be one character are cut where characters most likely touch. Cutting too much
 * is cheap (the decoder may rejoin up to {@link PathDecoder#MAX_RUN} atoms); cutting too little
 * cannot be undone.
 */
final class Oversegmenter {
    /** Blobs shorter than this share of the line height are joined to the blob they overlap. */
    static final double FRAGMENT = 0.45;
    /** Blobs wider than this many line heights get candidate cuts. */
    static final double CUT_WIDTH = 0.7;
    /** Closest two cuts may be, and a cut to a blob's edge, in line heights. */
    static final double MIN_SLICE = 0.16;
    /** A blob on its own with less ink than this many squared line heights is dust, not a character. */
    static final double DUST = 0.02;
    /** A slice with less ink than this many squared line heights goes to its neighbour: no character is that thin. */
    static final double SLIVER = 0.03;
    /** How far a cut path may wander either side of its starting column, in line heights. */
    static final double WANDER = 0.2;
    /** Blobs wider than this many line heights also get cuts where the cheapest path crosses least ink. */
    static final double PAIR_WIDTH = 1.0;
    /** A profile minimum this close (line heights) to a cheapest-cut start adds no cut of its own. */
    static final double UNION_APART = 0.12;

    private Oversegmenter() {
    }

    /** The height of a line's characters: a high percentile of its blobs' heights, so dots do not pull it down. */
    static int lineHeight(List<Piece> line) {
        int[] heights = line.stream().mapToInt(p -> p.box().height()).sorted().toArray();
        return Math.max(1, heights[(int) Math.floor(0.75 * (heights.length - 1) + 0.5)]);
    }

    static List<Piece> atoms(List<Piece> line, InkMap map) {
        int height = lineHeight(line);
        List<Piece> joined = joinFragments(line, height);
        List<Piece> atoms = new ArrayList<>();
        for (int b = 0; b < joined.size(); b++) {
            Piece piece = joined.get(b).inBlob(b);
            if (piece.area() < DUST * height * height) {
                continue;
            }
            if (piece.box().width() > CUT_WIDTH * height) {
                atoms.addAll(cut(piece, map, height));
            } else {
                atoms.add(piece);
            }
        }
        atoms.sort(Comparator.comparingDouble(p -> p.box().centreX()));
        return atoms;
    }

    private static List<Piece> joinFragments(List<Piece> line, int height) {
        List<Piece> big = new ArrayList<>();
        List<Piece> fragments = new ArrayList<>();
        for (Piece p : line) {
            (p.box().height() < FRAGMENT * height ? fragments : big).add(p);
        }
        for (Piece fragment : fragments) {
            int best = -1;
            int bestOverlap = 0;
            for (int i = 0; i < big.size(); i++) {
                int overlap = big.get(i).box().overlapX(fragment.box());
                if (overlap > bestOverlap) {
                    bestOverlap = overlap;
                    best = i;
                }
            }
            if (best >= 0 && bestOverlap >= 0.5 * fragment.box().width()) {
                big.set(best, big.get(best).join(fragment));
            } else {
                big.add(fragment);
            }
        }
        return big;
    }

    /** Slices a wide blob along shortest paths through the least ink, started at the minima of its column profile. */
    static List<Piece> cut(Piece piece, InkMap map, int height) {
        Box box = piece.box();
        int w = box.width();
        int h = box.height();
        float[] local = new float[w * h];
        double[] profile = new double[w];
        for (int p : piece.pixels()) {
            int x = p % map.width() - box.x();
            int y = p / map.width() - box.y();
            local[y * w + x] = map.ink()[p];
            profile[x]++;
        }
        int wander = Math.max(1, (int) Math.round(WANDER * height));
        int gap = Math.max(2, (int) Math.round(MIN_SLICE * height));
        // Cuts start at the column profile's minima and, in a blob wide enough for two characters,
        // also where a cut crosses least ink: the thinnest joint, even between round strokes that
        // fill the columns around it.
        int[] starts = w <= PAIR_WIDTH * height ? cutColumns(profile, gap)
                : union(cutColumns(pathCosts(local, w, h, wander), gap), cutColumns(profile, gap),
                        Math.max(1, (int) Math.round(UNION_APART * height)));
        if (starts.length == 0) {
            return List.of(piece);
        }
        int[][] paths = new int[starts.length][];
        for (int k = 0; k < starts.length; k++) {
            paths[k] = cheapestPath(local, w, h, starts[k], wander);
            if (k > 0) {
                for (int y = 0; y < h; y++) {
                    paths[k][y] = Math.max(paths[k][y], paths[k - 1][y] + 1);
                }
            }
        }
        List<List<Integer>> slices = new ArrayList<>();
        for (int k = 0; k <= starts.length; k++) {
            slices.add(new ArrayList<>());
        }
        for (int p : piece.pixels()) {
            int x = p % map.width() - box.x();
            int y = p / map.width() - box.y();
            int slice = 0;
            while (slice < paths.length && x >= paths[slice][y]) {
                slice++;
            }
            slices.get(slice).add(p);
        }
        List<Piece> out = new ArrayList<>();
        for (List<Integer> slice : slices) {
            if (!slice.isEmpty()) {
                out.add(Piece.of(slice.stream().mapToInt(Integer::intValue).toArray(), map.width(), piece.blob()));
            }
        }
        // Slivers join the smaller of their neighbours, until none is left.
        for (int i = smallest(out); out.size() > 1 && out.get(i).area() < SLIVER * height * height; i = smallest(out)) {
            int neighbour = i == 0 ? 1 : i == out.size() - 1 ? i - 1
                    : out.get(i - 1).area() <= out.get(i + 1).area() ? i - 1 : i + 1;
            Piece merged = out.get(Math.min(i, neighbour)).join(out.get(Math.max(i, neighbour)));
            out.set(Math.min(i, neighbour), merged);
            out.remove(Math.max(i, neighbour));
        }
        return out;
    }

    private static int smallest(List<Piece> pieces) {
        int at = 0;
        for (int i = 1; i < pieces.size(); i++) {
            if (pieces.get(i).area() < pieces.get(at).area()) {
                at = i;
            }
        }
        return at;
    }

    /** The columns of {@code first}, and those of {@code second} at least {@code apart} from all of them, ascending. */
    static int[] union(int[] first, int[] second, int apart) {
        TreeSet<Integer> all = new TreeSet<>();
        for (int x : first) {
            all.add(x);
        }
        for (int x : second) {
            Integer below = all.floor(x);
            Integer above = all.ceiling(x);
            if ((below == null || x - below >= apart) && (above == null || above - x >= apart)) {
                all.add(x);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Per column, the ink crossed by the cheapest cut started there. */
    static double[] pathCosts(float[] ink, int w, int h, int wander) {
        double[] costs = new double[w];
        for (int x = 0; x < w; x++) {
            int[] path = cheapestPath(ink, w, h, x, wander);
            double sum = 0;
            for (int y = 0; y < h; y++) {
                sum += ink[y * w + path[y]];
            }
            costs[x] = sum;
        }
        return costs;
    }

    /**
     * Columns at local minima of a profile (ink per column, or a cut's cost), lowest first, at
     * least {@code gap} apart and from the edges, returned left to right.
     */
    static int[] cutColumns(double[] profile, int gap) {
        int w = profile.length;
        double[] smooth = new double[w];
        for (int x = 0; x < w; x++) {
            double sum = 0;
            int n = 0;
            for (int d = -1; d <= 1; d++) {
                if (x + d >= 0 && x + d < w) {
                    sum += profile[x + d];
                    n++;
                }
            }
            smooth[x] = sum / n;
        }
        List<Integer> minima = new ArrayList<>();
        for (int x = gap; x <= w - gap; x++) {
            boolean left = x == 0 || smooth[x] <= smooth[x - 1];
            boolean right = x == w - 1 || smooth[x] <= smooth[x + 1];
            if (left && right) {
                minima.add(x);
            }
        }
        minima.sort(Comparator.comparingDouble(x -> smooth[x]));
        List<Integer> chosen = new ArrayList<>();
        for (int x : minima) {
            if (chosen.stream().allMatch(c -> Math.abs(c - x) >= gap)) {
                chosen.add(x);
            }
        }
        int[] cuts = chosen.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(cuts);
        return cuts;
    }

    /**
     * The top-to-bottom path (one column per row, moving at most one column a row, within
     * {@code wander} of {@code start}) crossing the least ink; the column returned per row is the
     * first column right of the cut.
     */
    static int[] cheapestPath(float[] ink, int w, int h, int start, int wander) {
        int lo = Math.max(0, start - wander);
        int hi = Math.min(w - 1, start + wander);
        int span = hi - lo + 1;
        double[] cost = new double[h * span];
        int[] from = new int[h * span];
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < span; i++) {
                int x = lo + i;
                // A little for leaving the start column keeps the path straight through empty paper.
                double here = ink[y * w + x] + 0.002 * Math.abs(x - start);
                if (y == 0) {
                    cost[i] = here;
                    continue;
                }
                double best = Double.MAX_VALUE;
                int arg = i;
                for (int d = -1; d <= 1; d++) {
                    int j = i + d;
                    if (j >= 0 && j < span && cost[(y - 1) * span + j] < best) {
                        best = cost[(y - 1) * span + j];
                        arg = j;
                    }
                }
                cost[y * span + i] = best + here;
                from[y * span + i] = arg;
            }
        }
        int end = 0;
        for (int i = 1; i < span; i++) {
            if (cost[(h - 1) * span + i] < cost[(h - 1) * span + end]) {
                end = i;
            }
        }
        int[] path = new int[h];
        for (int y = h - 1, i = end; y >= 0; y--) {
            path[y] = lo + i;
            i = from[y * span + i];
        }
        return path;
    }
}
