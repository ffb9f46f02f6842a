package hcr.image;

/**
 * How many characters a tensor's ink seems to hold side by side: the columns of the 28x28 picture
 * the model saw fall into runs of ink separated by blank columns, and every run holding a fair
 * share of the ink counts. Characters stacked in one column span (the dot of an i, the bars of a
 * broken E) stay one; two letters with a gap between them, shrunk together into the square, do not.
 * Touching characters are one run and are not seen.
 */
public final class SideBySide {
    /**
     * A column whose strongest pixel is below this is blank: the recipe's blur leaves a gap between
     * two characters faintly grey. Chosen on the EMNIST pool (tools/NotOneCharacterEval.java): at 0.3,
     * 0 of 10,000 single characters are split, and 94% of pairs with a 3-10 px gap are (0.2: 91%).
     */
    static final float BLANK = 0.3f;
    /** A run of columns with less than this share of the ink is a stray mark, not a character. */
    static final float SHARE = 0.15f;

    private SideBySide() {
    }

    /** The number of substantial runs of ink columns in {@code tensor[offset ..]}, at least 1. */
    public static int characters(float[] tensor, int offset) {
        int side = EmnistTensor.SIDE;
        float[] mass = new float[side];
        boolean[] inked = new boolean[side];
        float total = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = tensor[offset + y * side + x];
                mass[x] += v;
                total += v;
                inked[x] |= v >= BLANK;
            }
        }
        int runs = 0;
        float run = 0;
        for (int x = 0; x <= side; x++) {
            if (x < side && inked[x]) {
                run += mass[x];
            } else if (run > 0) {
                runs += run >= SHARE * total ? 1 : 0;
                run = 0;
            }
        }
        return Math.max(1, runs);
    }
}
