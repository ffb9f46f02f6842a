package hcr.image;

/**
 * The specification of {@link LineEraser}: the line eraser as it was before its run lengths were
 * worked out only where they are read (main at 91917f8), every pixel's run lengths both ways computed
 * in full first. {@code LineEraserIdentityTest} holds the lazy one to erasing exactly what this one does.
 *
 * <p>Its own description:
 *
 * Takes printed lines out of the ink map before the crop: the ruling of notebook or squared paper
 * (thin lines running from edge to edge) and a printed form box (four thin lines that meet at
 * their ends around the character). A line is a run of faint-or-stronger ink at least a quarter
 * of the picture long and at most {@link #thickness} pixels thick; where a pen stroke crosses it,
 * the stroke is kept (the ink just above and below the line carries on through it). Pen strokes
 * are thicker than printed lines, and a hairline pen's strokes neither run from edge to edge nor
 * close into a box, so handwriting is left alone. Not thread-safe: it reuses its buffers.
 */
final class FullRunsLineEraser {
    /** Ink at least this strong counts as part of a line (an anti-aliased 1 px line splits over two rows). */
    static final float FAINT = 0.06f;
    /** Ruling spans at least this fraction of the picture. */
    static final double RULED_SPAN = 0.9;
    /** Each side of a box spans at least this fraction of the picture. */
    static final double BOX_SPAN = 0.25;
    /**
     * Share of the picture's width where ruling must be thin: the character may cover the rest of
     * the row, and so may the strokes of a character that fills the picture.
     */
    static final double RULED_THIN = 0.3;
    /** Share of a box side's length where it must be thin; the rest may be crossed by strokes. */
    static final double THIN_SHARE = 0.6;

    /** Per pixel, the length of the horizontal (then vertical) run of faint ink it is in. */
    private int[] along = new int[0];
    private int[] across = new int[0];
    /** Pixels of lines found across the picture, then of lines found down it. */
    private boolean[] acrossLines = new boolean[0];
    private boolean[] downLines = new boolean[0];
    /** Per row (then per column), how many of its pixels hold faint ink. */
    private int[] faintAlong = new int[0];
    private int[] faintDown = new int[0];
    private final int[] levels = new int[256];

    /** @return whether any line was found and erased */
    boolean erase(float[] ink, int w, int h) {
        if (Math.min(w, h) < PaperSurface.MIN_SIDE) {
            return false;
        }
        int n = w * h;
        along = Buffers.atLeast(along, n);
        across = Buffers.atLeast(across, n);
        if (acrossLines.length < n) {
            acrossLines = new boolean[n];
            downLines = new boolean[n];
        }
        faintAlong = Buffers.atLeast(faintAlong, h);
        faintDown = Buffers.atLeast(faintDown, w);
        if (!anyLongEnough(ink, w, h)) {
            return false;
        }
        rowRuns(ink, w, h, along, faintAlong);
        columnRuns(ink, w, h, across, faintDown);
        java.util.Arrays.fill(acrossLines, 0, n, false);
        java.util.Arrays.fill(downLines, 0, n, false);
        int thick = thickness(w, h);
        boolean found = mark(w, h, 1, w, along, across, faintAlong, thick, acrossLines);
        found |= mark(h, w, w, 1, across, along, faintDown, thick, downLines);
        if (found) {
            // Each direction on its own: where two lines cross, the first erased leaves the second
            // uncrossed, so the crossing goes with it.
            clear(ink, w, h, 1, w, thick, acrossLines);
            clear(ink, h, w, w, 1, thick, downLines);
            restretch(ink, n);
        }
        return found;
    }

    /**
     * Whether any row or column holds enough faint ink for a box side (the shortest line looked
     * for, a quarter of the picture): most pictures hold none, and the run lengths, two passes over
     * every pixel, are then not needed. (Where they are, {@link #rowRuns} and {@link #columnRuns}
     * count the same per line again: one extra pass there, against three saved here.)
     */
    private boolean anyLongEnough(float[] ink, int w, int h) {
        java.util.Arrays.fill(faintDown, 0, w, 0);
        int longestRow = 0;
        for (int y = 0; y < h; y++) {
            int count = 0;
            for (int x = 0, i = y * w; x < w; x++, i++) {
                if (ink[i] >= FAINT) {
                    count++;
                    faintDown[x]++;
                }
            }
            faintAlong[y] = count;
            longestRow = Math.max(longestRow, count);
        }
        int longestColumn = 0;
        for (int x = 0; x < w; x++) {
            longestColumn = Math.max(longestColumn, faintDown[x]);
        }
        return longestRow >= Math.ceil(BOX_SPAN * w) || longestColumn >= Math.ceil(BOX_SPAN * h);
    }

    /**
     * The ink just beside a band: a stroke's (kept, and carried through the band), or the line's
     * own anti-aliased fringe (erased: left in, a thin pen's thickening would draw the ruling back).
     */
    private static float fringe(float[] ink, int line, int lines, int stride, int at) {
        if (line < 0 || line >= lines) {
            return 0f;
        }
        int i = line * stride + at;
        if (ink[i] < FAINT) {
            ink[i] = 0f;
        }
        return ink[i];
    }

    /**
     * A printed box can be darker than the pen and so have set the contrast: once it is gone, the
     * strongest remaining ink (passing over the rarest 2000th, as the contrast does) becomes full
     * strength again, or the strokes would read as a hairline pen's and be thickened.
     */
    private void restretch(float[] ink, int n) {
        java.util.Arrays.fill(levels, 0);
        for (int i = 0; i < n; i++) {
            levels[(int) (ink[i] * 255)]++;
        }
        int rare = Math.max(1, n / 2000);
        int level = 255;
        for (int seen = levels[255]; level > 0 && seen <= rare; seen += levels[--level]) {
            // walk down from full strength
        }
        if (level == 0 || level == 255) {
            return;
        }
        float scale = 255f / level;
        for (int i = 0; i < n; i++) {
            ink[i] = Math.min(1f, ink[i] * scale);
        }
    }

    /** Printed lines are 1-2 px; at the working resolution of a large photo they may blur a little wider. */
    static int thickness(int w, int h) {
        return 4 + Math.min(w, h) / 512;
    }

    /** For every pixel, the length of the horizontal run of faint ink it is in; per row, its faint pixels. */
    static void rowRuns(float[] ink, int w, int h, int[] out, int[] faint) {
        for (int y = 0; y < h; y++) {
            int base = y * w;
            int count = 0;
            int x = 0;
            while (x < w) {
                if (ink[base + x] < FAINT) {
                    out[base + x] = 0;
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && ink[base + x] >= FAINT) {
                    x++;
                }
                java.util.Arrays.fill(out, base + start, base + x, x - start);
                count += x - start;
            }
            faint[y] = count;
        }
    }

    /**
     * As {@link #rowRuns} down the columns, in two sweeps along the rows rather than one down each
     * column (which would touch a new cache line at every pixel): downwards, each pixel's count of
     * faint pixels from the top of its run; upwards, the run's bottom count carried to its top.
     */
    static void columnRuns(float[] ink, int w, int h, int[] out, int[] faint) {
        java.util.Arrays.fill(faint, 0, w, 0);
        for (int x = 0; x < w; x++) {
            out[x] = ink[x] >= FAINT ? 1 : 0;
        }
        for (int y = 1; y < h; y++) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                out[i] = ink[i] >= FAINT ? out[i - w] + 1 : 0;
            }
        }
        for (int x = 0, i = (h - 1) * w; x < w; x++, i++) {
            faint[x] += out[i];
        }
        for (int y = h - 2; y >= 0; y--) {
            for (int x = 0, i = y * w; x < w; x++, i++) {
                int below = out[i + w];
                if (out[i] > 0 && below > 0) {
                    out[i] = below; // inside a run: its length, from the pixel below
                } else if (out[i] > 0) {
                    faint[x] += out[i]; // the run's last pixel holds its length
                }
            }
        }
    }

    /**
     * Marks the pixels of long runs along one direction that belong to ruling (edge to edge) or to
     * a box (both ends on a long run the other way).
     */
    private static boolean mark(int length, int lines, int step, int stride, int[] along, int[] across, int[] faint,
                                int thick, boolean[] line) {
        int ruled = (int) Math.ceil(RULED_SPAN * length);
        int side = (int) Math.ceil(BOX_SPAN * length);
        int otherSide = (int) Math.ceil(BOX_SPAN * lines);
        boolean found = false;
        for (int l = 0; l < lines; l++) {
            if (faint[l] < side) {
                continue; // a run of `side` needs as many faint pixels in the line (ruling needs more)
            }
            int base = l * stride;
            // Ruling needs that much faint ink first: most lines are ruled out without reading them.
            if (faint[l] >= ruled && ruling(along, across, base, length, step, ruled, thick, line)) {
                found = true;
                continue;
            }
            int k = 0;
            while (k < length) {
                int run = along[base + k * step];
                if (run < side) {
                    k += Math.max(1, run);
                    continue;
                }
                boolean thin = thin(across, base, k, run, step, thick);
                if (thin && closes(across, base, k, k + run - 1, step, otherSide, length, thick)) {
                    for (int j = k; j < k + run; j++) {
                        line[base + j * step] = true;
                    }
                    found = true;
                }
                k += run;
            }
        }
        return found;
    }

    /**
     * Ruling: faint ink across at least {@link #RULED_SPAN} of the line, gaps allowed (a light
     * printed line breaks up under noise), thin along at least {@link #RULED_THIN} of it. Marks its pixels.
     */
    private static boolean ruling(int[] along, int[] across, int base, int length, int step, int ruled, int thick,
                                  boolean[] line) {
        int faint = 0;
        int thinPixels = 0;
        for (int k = 0; k < length; k++) {
            int i = base + k * step;
            if (along[i] > 0) {
                faint++;
                thinPixels += across[i] <= thick ? 1 : 0;
            }
        }
        if (faint < ruled || thinPixels < RULED_THIN * length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            int i = base + k * step;
            line[i] |= along[i] > 0;
        }
        return true;
    }

    /**
     * Whether the run is a thin line along most of its length: at least {@link #THIN_SHARE} of its
     * pixels sit in runs the other way no longer than {@code thick} (pen strokes crossing it make
     * up the rest); a thick pen bar, or the long edge of a slanting stroke, is thick nearly throughout.
     */
    private static boolean thin(int[] across, int base, int from, int run, int step, int thick) {
        int thinPixels = 0;
        for (int j = from; j < from + run; j++) {
            thinPixels += across[base + j * step] <= thick ? 1 : 0;
        }
        return thinPixels >= THIN_SHARE * run;
    }

    /** Whether a long run the other way passes within {@code reach} pixels of both ends of this run. */
    private static boolean closes(int[] across, int base, int first, int last, int step, int minimum, int length,
                                  int reach) {
        return crossed(across, base, first, step, minimum, length, reach)
                && crossed(across, base, last, step, minimum, length, reach);
    }

    private static boolean crossed(int[] across, int base, int at, int step, int minimum, int length, int reach) {
        for (int k = Math.max(0, at - reach); k <= Math.min(length - 1, at + reach); k++) {
            if (across[base + k * step] >= minimum) {
                return true;
            }
        }
        return false;
    }

    /**
     * Erases marked pixels that form a band at most {@code thick} pixels across (a thick pen bar
     * is marked too, but is wider), keeping what the ink on both sides of the band carries through.
     */
    private static void clear(float[] ink, int length, int lines, int step, int stride, int thick, boolean[] line) {
        // Bands run across the lines: walk each position along them, from line to line.
        for (int k = 0; k < length; k++) {
            int l = 0;
            while (l < lines) {
                if (!line[l * stride + k * step]) {
                    l++;
                    continue;
                }
                int start = l;
                while (l < lines && line[l * stride + k * step]) {
                    l++;
                }
                if (l - start > thick) {
                    continue;
                }
                float before = fringe(ink, start - 1, lines, stride, k * step);
                float after = fringe(ink, l, lines, stride, k * step);
                float through = Math.min(before, after);
                for (int j = start; j < l; j++) {
                    int i = j * stride + k * step;
                    ink[i] = Math.min(ink[i], through);
                }
            }
        }
    }
}
