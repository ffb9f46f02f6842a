package hcr.read;

import java.util.List;

/**
 * Breaks ties the 28x28 crop cannot: c/C, o/O/0, s/S, x/X and the other letters whose two cases
 * differ only in size. The characters of a line whose case is plain from their shape (A, e, g, 7)
 * fix the line's cap line and baseline; each look-alike is then compared with where its lower and
 * its upper case would sit (x-height and baseline, descending below it, or cap height), and the
 * probability the model gave the pair is shared out again by how well each fits.
 */
final class CaseContext {
    /** Lower-case letters whose capital has the same shape. */
    static final String LOOK_ALIKES = "cmopsuvwxyz";
    static final String ASCENDERS = "bdfhklt";
    static final String DESCENDERS = "gpqy";
    /** Top of an x-height letter, as a share of the way from the cap line to the baseline. */
    static final double X_TOP = 0.4;
    /** How far a descender reaches below the baseline, in cap heights. */
    static final double DESCENT = 0.35;
    /** Spread of a hand's heights and positions around those lines, in cap heights. */
    static final double SPREAD = 0.12;

    private final List<String> labels;

    CaseContext(List<String> labels) {
        this.labels = labels;
    }

    /** Where a letter of each kind sits: its top and bottom in cap heights from the cap line. */
    enum Zone {
        TALL(0, 1), SMALL(X_TOP, 1), DESCENDING(X_TOP, 1 + DESCENT), UNKNOWN(Double.NaN, Double.NaN);

        final double top;
        final double bottom;

        Zone(double top, double bottom) {
            this.top = top;
            this.bottom = bottom;
        }
    }

    static Zone zoneOf(String c) {
        char ch = c.charAt(0);
        if (Character.isDigit(ch) || Character.isUpperCase(ch) || ASCENDERS.indexOf(ch) >= 0) {
            return Zone.TALL;
        }
        if (DESCENDERS.indexOf(ch) >= 0) {
            return Zone.DESCENDING;
        }
        if (ch == 'i' || ch == 'j') {
            return Zone.UNKNOWN; // the dot's height varies too much to tell anything
        }
        return Character.isLowerCase(ch) ? Zone.SMALL : Zone.UNKNOWN;
    }

    static boolean isLookAlike(String c) {
        char ch = c.charAt(0);
        return LOOK_ALIKES.indexOf(Character.toLowerCase(ch)) >= 0 || ch == '0';
    }

    /**
     * Adjusts the rows of {@code probabilities} (one of {@code labels.size()} per box) in place.
     *
     * @param best the label index each box would get without context
     */
    void apply(List<Box> boxes, float[] probabilities, int[] best) {
        double[] lines = fitLines(boxes, best);
        if (lines == null) {
            return;
        }
        double cap = lines[0];
        double height = lines[1] - lines[0];
        if (height <= 0) {
            return;
        }
        int n = labels.size();
        for (int i = 0; i < boxes.size(); i++) {
            if (!isLookAlike(labels.get(best[i]))) {
                continue;
            }
            Box box = boxes.get(i);
            double top = (box.y() - cap) / height;
            double bottom = (box.bottom() - cap) / height;
            reshare(probabilities, i * n, top, bottom);
        }
    }

    /** Shares the mass of every look-alike group (c and C; o, O and 0) by how well each fits the box. */
    private void reshare(float[] row, int offset, double top, double bottom) {
        int n = labels.size();
        for (int l = 0; l < n; l++) {
            String c = labels.get(l);
            if (!Character.isLowerCase(c.charAt(0)) || LOOK_ALIKES.indexOf(c.charAt(0)) < 0) {
                continue;
            }
            int upper = labels.indexOf(c.toUpperCase(java.util.Locale.ROOT));
            int zero = c.equals("o") ? labels.indexOf("0") : -1;
            double fitLower = fit(zoneOf(c), top, bottom);
            double fitTall = fit(Zone.TALL, top, bottom);
            double mass = row[offset + l] + (upper >= 0 ? row[offset + upper] : 0) + (zero >= 0 ? row[offset + zero] : 0);
            double lower = row[offset + l] * fitLower;
            double up = upper >= 0 ? row[offset + upper] * fitTall : 0;
            double zeroWeight = zero >= 0 ? row[offset + zero] * fitTall : 0;
            double sum = lower + up + zeroWeight;
            if (sum <= 0 || mass <= 0) {
                continue;
            }
            row[offset + l] = (float) (mass * lower / sum);
            if (upper >= 0) {
                row[offset + upper] = (float) (mass * up / sum);
            }
            if (zero >= 0) {
                row[offset + zero] = (float) (mass * zeroWeight / sum);
            }
        }
    }

    private static double fit(Zone zone, double top, double bottom) {
        double dt = top - zone.top;
        double db = bottom - zone.bottom;
        return Math.max(1e-4, Math.exp(-(dt * dt + db * db) / (2 * SPREAD * SPREAD)));
    }

    /**
     * The cap line and baseline (y, in pixels) by least squares from the characters whose case
     * their shape already tells; null when no character tells anything.
     */
    double[] fitLines(List<Box> boxes, int[] best) {
        // Unknowns cap line C and baseline B: top = (1 - t) C + t B, bottom = (1 - b) C + b B.
        double saa = 0;
        double sab = 0;
        double sbb = 0;
        double say = 0;
        double sby = 0;
        int used = 0;
        for (int i = 0; i < boxes.size(); i++) {
            String c = labels.get(best[i]);
            Zone zone = zoneOf(c);
            if (isLookAlike(c) || zone == Zone.UNKNOWN) {
                continue;
            }
            Box box = boxes.get(i);
            double[][] rows = {{1 - zone.top, zone.top, box.y()}, {1 - zone.bottom, zone.bottom, box.bottom()}};
            for (double[] r : rows) {
                saa += r[0] * r[0];
                sab += r[0] * r[1];
                sbb += r[1] * r[1];
                say += r[0] * r[2];
                sby += r[1] * r[2];
            }
            used++;
        }
        if (used == 0) {
            return fallback(boxes);
        }
        double det = saa * sbb - sab * sab;
        if (Math.abs(det) < 1e-9) {
            return fallback(boxes);
        }
        return new double[] {(say * sbb - sby * sab) / det, (saa * sby - sab * say) / det};
    }

    /** Only look-alikes on the line: take its tallest as capitals, which reads a line of one case as capitals. */
    private static double[] fallback(List<Box> boxes) {
        int top = boxes.stream().mapToInt(Box::y).min().orElse(0);
        int[] bottoms = boxes.stream().mapToInt(Box::bottom).sorted().toArray();
        return new double[] {top, bottoms[bottoms.length / 2]};
    }
}
