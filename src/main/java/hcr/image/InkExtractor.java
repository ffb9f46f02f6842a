package hcr.image;

import java.util.Arrays;

/**
 * Separates ink from paper: decides the polarity from the border (the paper usually reaches the
 * edges), follows the paper's own brightness across the picture so shadows and grey paper are not
 * mistaken for ink, and scales the remaining contrast so that a solid stroke reads 1 and paper 0.
 * Not thread-safe: it reuses its buffers.
 */
final class InkExtractor {
    /** Below this many grey levels between paper and darkest ink, the picture is taken as blank. */
    static final int MIN_CONTRAST = 24;
    /**
     * Paper whose estimated level varies by no more than this many grey levels is treated as even
     * and goes through the cell-grid mapping, as before lighting was followed: scans and evenly lit
     * photos keep exactly the tensors they always had.
     */
    static final float EVEN_LIGHT = 16f;
    /**
     * Under uneven light, the grey levels the darkest ink must lie below the paper: the paper
     * estimate is only as sharp as its blocks, and beside a shadow's edge it can miss the paper by
     * a tenth, so blank paper there must not pass for faint ink.
     */
    static final int MIN_SHADED_CONTRAST = 40;
    /** How much flatter the paper must come out read the other way round to overrule the border's polarity. */
    private static final float CLEARLY_FLATTER = 0.8f;
    /** The fallback rank of the darkest ink when the usual one (a 2000th of the pixels) finds none. */
    private static final int FEW_PIXELS = 20_000;
    /** ... but never fewer pixels than this: the very darkest few are sensor noise. */
    private static final int MIN_RARE = 8;
    /** Resolution of the histogram of pixel-to-paper ratios (ratios up to 255 / 200 are counted). */
    private static final int RATIO_STEPS = 200;
    /**
     * Fractions of the paper-to-ink contrast mapped to 0 and to 1. The range is kept nearly linear
     * because EMNIST strokes carry a soft halo and graded cores the network relies on: the earlier
     * 0.2..0.7 erased the halo and flattened the cores, costing 2-3 accuracy points on rendered
     * EMNIST pool images (tools/check-pool-fidelity.sh); 0.05 still keeps sensor noise and JPEG
     * ringing at paper level.
     */
    static final float FLOOR = 0.05f;
    static final float CEILING = 0.95f;

    private static final int MIN_CELL = 48;
    private static final int MAX_CELLS = 8;

    /** Counters of the same level in different banks, see {@link #countLevels}. */
    private static final int BANKS = 4;

    private final int[] histogram = new int[256];
    /** Under uneven light, how many pixels lie each number of grey levels below the paper. */
    private final int[] depths = new int[256];
    private PaperSurface surface = new PaperSurface();
    /** The paper read the other way round; swapped with {@link #surface} when that reading wins. */
    private PaperSurface otherWay = new PaperSurface();
    /** Per cell, {@link #BANKS} histograms of 256 levels; after counting, the first is the cell's histogram. */
    private int[] cellHistograms = new int[256];
    private int[] cellPaper = new int[0];
    private int[] cellPaperFixed = new int[0];
    private final int[] neighbours = new int[9];
    /** Per row of cell centres, the paper level at every x. */
    private float[] paperAlong = new float[0];
    private float[] rowPaper = new float[0];
    private final float[] inkOfLevel = new float[256];
    float[] ink = new float[0];

    /** Writes ink strength [0,1] for every pixel of {@code grey} into {@link #ink}. */
    void extract(GreyImage grey) {
        int w = grey.width;
        int h = grey.height;
        int n = w * h;

        int paper = borderMedian(grey);
        int cellsX = Math.max(1, Math.min(MAX_CELLS, w / MIN_CELL));
        int cellsY = Math.max(1, Math.min(MAX_CELLS, h / MIN_CELL));
        countLevels(grey, cellsX, cellsY);
        int rare = Math.max(1, n / 2000);
        Extremes extremes = extremes(paper, rare);
        if (extremes.contrast() < MIN_CONTRAST) {
            // A small character on a large canvas holds fewer pixels than the rank above ignores.
            rare = Math.max(MIN_RARE, n / FEW_PIXELS);
            extremes = extremes(paper, rare);
        }
        boolean flipped = extremes.flipped();
        if (extremes.contrast() < MIN_CONTRAST) {
            throw new NoInkException("no ink found: the picture is blank or one uniform colour");
        }
        ink = Buffers.atLeast(ink, n);
        boolean estimated = surface.estimate(grey, flipped);
        if (estimated && surface.range() > EVEN_LIGHT) {
            // Under uneven light the border can lie in shadow and lit paper be the brightest thing in the
            // picture. The closing fills in ink only when it is read the right way round; read the wrong
            // way, the "paper" keeps every stroke's dip, so its surface spans more levels. Only a clear
            // difference overrules the border: on blank paper both readings are equally flat.
            otherWay.estimate(grey, !flipped);
            if (otherWay.range() < CLEARLY_FLATTER * surface.range()) {
                flipped = !flipped;
                PaperSurface flatter = otherWay;
                otherWay = surface;
                surface = flatter;
            }
            if (!inkUnderUnevenLight(grey, flipped, rare)) {
                throw new NoInkException("no ink found: only shading on the paper");
            }
            return;
        }
        int contrast = extremes.contrast();
        if (estimated && contrast < MIN_CONTRAST + surface.range()) {
            // Ink must stand out from the paper by more than the paper itself varies: a faint shadow
            // edge on blank paper reaches MIN_CONTRAST with the noise alone, lit paper then passing
            // for light ink. At EVEN_LIGHT this asks what the uneven-light path does (MIN_SHADED_CONTRAST).
            throw new NoInkException("no ink found: only faint shading on the paper");
        }
        paper = flipped ? 255 - paper : paper;
        measureCellPaper(grey, cellsX, cellsY, paper, flipped);

        float scale = 1f / (contrast * (CEILING - FLOOR));
        float offset = FLOOR / (CEILING - FLOOR);
        boolean any = isEven(cellPaperFixed, cellsX * cellsY)
                ? inkOnEvenPaper(grey, flipped, scale, offset)
                : inkOnUnevenPaper(grey, flipped, scale, offset, cellsX, cellsY);
        if (!any) {
            throw new NoInkException("no ink found: only faint shading on the paper");
        }
    }

    /** Polarity and paper-to-ink contrast in grey levels, from the border's paper and the picture's rarest levels. */
    private record Extremes(boolean flipped, int contrast) {
    }

    private Extremes extremes(int paper, int rare) {
        int darkest = percentileFromBottom(histogram, 0, rare);
        int brightest = percentileFromTop(histogram, 0, rare);
        // Light ink on dark paper: from here on levels are read flipped, so that ink is always darker than paper.
        boolean flipped = brightest - paper > paper - darkest;
        return new Extremes(flipped, flipped ? brightest - paper : paper - darkest);
    }

    /**
     * Light falls on ink and paper alike, so what marks ink is its ratio to the paper under it, not
     * its difference: each pixel is divided by the paper surface, and the contrast is the rarest
     * ratio's distance from 1. On even paper this is exactly the even-paper mapping.
     *
     * @return whether any pixel is at least half-strength ink
     */
    private boolean inkUnderUnevenLight(GreyImage grey, boolean flipped, int rare) {
        int w = grey.width;
        int h = grey.height;
        byte[] g = grey.pixels;
        int flip = flipped ? 0xFF : 0;
        rowPaper = Buffers.atLeast(rowPaper, w);
        Arrays.fill(histogram, 0);
        Arrays.fill(depths, 0);
        for (int y = 0; y < h; y++) {
            surface.row(y, rowPaper);
            for (int x = 0, i = y * w; x < w; x++, i++) {
                // Math.max(1f, paper) spelt out: C1 calls it rather than inlining it (paper is never NaN).
                float paper = rowPaper[x];
                int level = (g[i] & 0xFF) ^ flip;
                float ratio = level / (paper > 1f ? paper : 1f);
                ink[i] = ratio;
                histogram[Math.min(255, (int) (ratio * RATIO_STEPS))]++;
                depths[Math.max(0, Math.min(255, (int) paper - level))]++;
            }
        }
        // Whether there is ink at all is judged in grey levels below the paper: a ratio overstates
        // how far dark paper (lit paper read with the wrong polarity) lies below an estimate that
        // misses it by a few levels beside a hard shadow edge.
        if (percentileFromTop(depths, 0, rare) < MIN_SHADED_CONTRAST) {
            return false;
        }
        float contrast = 1f - (float) percentileFromBottom(histogram, 0, rare) / RATIO_STEPS;
        float scale = 1f / (contrast * (CEILING - FLOOR));
        float offset = FLOOR / (CEILING - FLOOR);
        boolean any = false;
        for (int i = 0, n = w * h; i < n; i++) {
            float v = (1f - ink[i]) * scale - offset;
            v = v < 0f ? 0f : v > 1f ? 1f : v;
            ink[i] = v;
            any |= v >= 0.5f;
        }
        return any;
    }

    /**
     * Clean paper (every cell at one level, as on most scans) makes ink a function of the grey level
     * alone: 256 values worked out once instead of one per pixel.
     *
     * @return whether any pixel is at least half-strength ink
     */
    private boolean inkOnEvenPaper(GreyImage grey, boolean flipped, float scale, float offset) {
        float paper = cellPaperFixed[0];
        boolean any = false;
        for (int level = 0; level < 256; level++) {
            int g = flipped ? 255 - level : level;
            float v = (paper - g) * scale - offset;
            v = v < 0f ? 0f : Math.min(v, 1f);
            inkOfLevel[level] = v;
            any |= histogram[level] > 0 && v >= 0.5f;
        }
        byte[] g = grey.pixels;
        for (int i = 0, n = grey.width * grey.height; i < n; i++) {
            ink[i] = inkOfLevel[g[i] & 0xFF];
        }
        return any;
    }

    /** Follows the paper level across the picture, row by row. */
    private boolean inkOnUnevenPaper(GreyImage grey, boolean flipped, float scale, float offset,
                                     int cellsX, int cellsY) {
        int w = grey.width;
        int h = grey.height;
        byte[] g = grey.pixels;
        // level ^ 0xFF is 255 - level for every level 0..255
        int flip = flipped ? 0xFF : 0;
        paperAlongCellRows(w, cellsX, cellsY);
        boolean any = false;
        for (int y = 0; y < h; y++) {
            paperRow(y, h, cellsY, w);
            for (int x = 0, i = y * w; x < w; x++, i++) {
                float v = (rowPaper[x] - ((g[i] & 0xFF) ^ flip)) * scale - offset;
                v = v < 0f ? 0f : Math.min(v, 1f);
                ink[i] = v;
                any |= v >= 0.5f;
            }
        }
        return any;
    }

    private static boolean isEven(int[] values, int n) {
        for (int i = 1; i < n; i++) {
            if (values[i] != values[0]) {
                return false;
            }
        }
        return true;
    }

    private int borderMedian(GreyImage grey) {
        int w = grey.width;
        int h = grey.height;
        byte[] g = grey.pixels;
        Arrays.fill(histogram, 0);
        int count = 0;
        for (int x = 0; x < w; x++) {
            histogram[g[x] & 0xFF]++;
            histogram[g[(h - 1) * w + x] & 0xFF]++;
            count += 2;
        }
        for (int y = 1; y < h - 1; y++) {
            histogram[g[y * w] & 0xFF]++;
            histogram[g[y * w + w - 1] & 0xFF]++;
            count += 2;
        }
        return percentileFromBottom(histogram, 0, count / 2);
    }

    /**
     * One pass over the pixels fills the histogram of every cell; the cells tile the picture, so
     * the whole picture's histogram is their sum. Neighbouring pixels (mostly paper, mostly the same
     * level) are counted in {@link #BANKS} separate banks: one counter bumped twice in a row makes
     * the second increment wait for the first to reach memory (measured: 13 -> 7.5 us on a 128x128
     * photo).
     */
    private void countLevels(GreyImage grey, int cellsX, int cellsY) {
        int w = grey.width;
        int h = grey.height;
        int cells = cellsX * cellsY;
        cellHistograms = Buffers.atLeast(cellHistograms, BANKS * 256 * cells);
        Arrays.fill(cellHistograms, 0, BANKS * 256 * cells, 0);
        for (int cy = 0; cy < cellsY; cy++) {
            for (int cx = 0; cx < cellsX; cx++) {
                int bank = BANKS * 256 * (cy * cellsX + cx);
                int x0 = cx * w / cellsX;
                int x1 = (cx + 1) * w / cellsX;
                for (int y = cy * h / cellsY, y1 = (cy + 1) * h / cellsY; y < y1; y++) {
                    countRow(grey.pixels, y * w + x0, y * w + x1, cellHistograms, bank);
                }
            }
        }
        // Each cell's banks are added into its first bank, which then serves as the cell's histogram.
        Arrays.fill(histogram, 0);
        for (int bank = 0; bank < BANKS * 256 * cells; bank += BANKS * 256) {
            for (int v = 0; v < 256; v++) {
                int count = cellHistograms[bank + v] + cellHistograms[bank + 256 + v]
                        + cellHistograms[bank + 512 + v] + cellHistograms[bank + 768 + v];
                cellHistograms[bank + v] = count;
                histogram[v] += count;
            }
        }
    }

    private static void countRow(byte[] g, int from, int to, int[] counts, int bank) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            counts[bank + (g[i] & 0xFF)]++;
            counts[bank + 256 + (g[i + 1] & 0xFF)]++;
            counts[bank + 512 + (g[i + 2] & 0xFF)]++;
            counts[bank + 768 + (g[i + 3] & 0xFF)]++;
        }
        for (; i < to; i++) {
            counts[bank + (g[i] & 0xFF)]++;
        }
    }

    /**
     * The paper's level in each cell is its 80th percentile (most of a cell is paper). A cell that a
     * thick stroke fills would look dark, so no cell may be darker than its neighbours' median.
     */
    private void measureCellPaper(GreyImage grey, int cellsX, int cellsY, int globalPaper, boolean flipped) {
        int cells = cellsX * cellsY;
        cellPaper = Buffers.atLeast(cellPaper, cells);
        cellPaperFixed = Buffers.atLeast(cellPaperFixed, cells);
        if (cells == 1) {
            cellPaperFixed[0] = globalPaper;
            return;
        }
        int w = grey.width;
        int h = grey.height;
        for (int cy = 0; cy < cellsY; cy++) {
            int rows = (cy + 1) * h / cellsY - cy * h / cellsY;
            for (int cx = 0; cx < cellsX; cx++) {
                int count = rows * ((cx + 1) * w / cellsX - cx * w / cellsX);
                int cell = cy * cellsX + cx;
                // The top of the flipped levels is the bottom of the stored ones.
                cellPaper[cell] = flipped
                        ? 255 - percentileFromBottom(cellHistograms, BANKS * 256 * cell, count / 5)
                        : percentileFromTop(cellHistograms, BANKS * 256 * cell, count / 5);
            }
        }
        for (int cy = 0; cy < cellsY; cy++) {
            for (int cx = 0; cx < cellsX; cx++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = cx + dx;
                        int ny = cy + dy;
                        if (nx >= 0 && ny >= 0 && nx < cellsX && ny < cellsY) {
                            neighbours[k++] = cellPaper[ny * cellsX + nx];
                        }
                    }
                }
                Arrays.sort(neighbours, 0, k);
                cellPaperFixed[cy * cellsX + cx] = Math.max(cellPaper[cy * cellsX + cx], neighbours[k / 2]);
            }
        }
    }

    /**
     * The horizontal half of the bilinear interpolation: the paper level along each row of cell
     * centres. It depends on x and the cell row alone, so it is worked out once per picture, not
     * once per pixel.
     */
    private void paperAlongCellRows(int w, int cellsX, int cellsY) {
        paperAlong = Buffers.atLeast(paperAlong, cellsY * w);
        for (int x = 0; x < w; x++) {
            float fx = Math.max(0f, Math.min(cellsX - 1f, (x + 0.5f) * cellsX / w - 0.5f));
            int x0 = (int) fx;
            int x1 = Math.min(x0 + 1, cellsX - 1);
            float ax = fx - x0;
            for (int cy = 0; cy < cellsY; cy++) {
                paperAlong[cy * w + x] = cellPaperFixed[cy * cellsX + x0] * (1 - ax) + cellPaperFixed[cy * cellsX + x1] * ax;
            }
        }
    }

    /** Bilinear interpolation between cell centres, so the paper level has no visible seams. */
    private void paperRow(int y, int h, int cellsY, int w) {
        rowPaper = Buffers.atLeast(rowPaper, w);
        float fy = Math.max(0f, Math.min(cellsY - 1f, (y + 0.5f) * cellsY / h - 0.5f));
        int y0 = (int) fy;
        int y1 = Math.min(y0 + 1, cellsY - 1);
        float ay = fy - y0;
        for (int x = 0, top = y0 * w, bottom = y1 * w; x < w; x++) {
            rowPaper[x] = paperAlong[top + x] * (1 - ay) + paperAlong[bottom + x] * ay;
        }
    }

    /** The grey level below which fewer than {@code rank + 1} pixels lie, in the histogram at {@code from}. */
    private static int percentileFromBottom(int[] histograms, int from, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histograms[from + v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }

    private static int percentileFromTop(int[] histograms, int from, int rank) {
        int seen = 0;
        for (int v = 255; v >= 0; v--) {
            seen += histograms[from + v];
            if (seen > rank) {
                return v;
            }
        }
        return 0;
    }
}
