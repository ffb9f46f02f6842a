package hcr.image;

import java.util.Arrays;

/**
 * The paper's brightness at every point of a picture, whatever the lighting: a gradient, a
 * vignette, a shadow edge. The picture is reduced to a grid of block means (about
 * {@link #BLOCKS} along its longer side), and a grey-level closing of that grid (a max filter,
 * then a min filter, an eighth of the picture's longer side each way) fills in every dark feature
 * narrower than the filter: pen strokes, ruled lines, printed boxes. What is left varies only as
 * slowly as light does, and is bilinearly interpolated between block centres. A closing leaves a
 * straight ramp, a smooth peak and a step edge as they are; the interpolation does not, so the
 * blocks are small: its error grows with the square of their side, and 32 blocks across put paper
 * at the foot of a 12 px shadow edge 20-40 levels too bright, which read as ink. The grid is first
 * extended by the filter's reach beyond the picture by point reflection, which continues a ramp, so
 * the closing's windows need not be cut at the edges (cut windows flatten the paper's slope near
 * the border and turn the darker side of the light into ink). Not thread-safe: it reuses its buffers.
 *
 * <p>Levels are in the extractor's working space, where ink is darker than paper.
 */
final class PaperSurface {
    /** Pictures smaller than this on their shorter side are too small to hold lighting worth following. */
    static final int MIN_SIDE = 64;
    static final int BLOCKS = 64;
    private static final int MIN_BLOCK = 4;
    /**
     * The narrow closing's reach is half the wide one's; paper is what comes out at least half as
     * bright as the wide closing. Chosen on the shadow style's pool renderings (mean |diff| from the
     * raw tensors, tools/check-pool-fidelity.sh): a quarter of the reach, or three quarters as
     * bright, followed the shadow less and left more of its edge as ink.
     */
    private static final int NARROW = 2;
    private static final float STILL_PAPER = 0.5f;
    /**
     * An edge block is taken for a line along the border (see {@link #pad}) when it is darker than
     * the next block in by more than this share of that one, noise and faint shading being less...
     */
    private static final float LINE_STEP = 0.1f;
    /**
     * ... and when at least this share of that difference happens between two neighbouring pixel
     * lines. A printed line's edge is one step, as large as the block difference or (a line thinner
     * than a block) twice to four times it. Light changes over 12 px or more, but a hard shadow edge
     * reaching the border can fall mostly inside the edge block: its steepest step, with noise, was
     * measured at up to 0.6 of the block difference, and at 0.5 it was taken for a line.
     */
    private static final float SHARP = 0.75f;
    /**
     * Half the closing's width: an eighth of the longer side each way (in whole 32nds, and never
     * under 16 px) is wider than the thickest EMNIST stroke of a character that fills the picture
     * (about a sixth of its height).
     */
    static int reach(int longerSide) {
        return 4 * Math.max(MIN_BLOCK, (longerSide + 31) / 32);
    }

    private int block;
    /** Half the closing's width in blocks, and the padding around the grid. */
    private int radius;
    private final WindowExtremes extremes = new WindowExtremes();
    /** Blocks across and down the picture, and of the grid with its padding. */
    private int cols;
    private int rows;
    private int paddedCols;
    private int paddedRows;
    private float[] grid = new float[0];
    /** The block means closed over a shorter reach, see {@link #sharpen}. */
    private float[] fine = new float[0];
    /** Whether the narrow closing and the interpolation along block rows are done for this estimate. */
    private boolean sharpened;
    private int[] sums = new int[0];
    /** Per pixel column, the sum of one band of block rows. */
    private int[] columns = new int[0];
    /** Per row of block centres, the paper level at every x. */
    private float[] along = new float[0];
    private float lowest;
    private float highest;
    private float mean;
    private int width;

    /** @return false (and nothing estimated) when the picture is smaller than {@link #MIN_SIDE} */
    boolean estimate(GreyImage grey, boolean flipped) {
        int w = grey.width;
        int h = grey.height;
        if (Math.min(w, h) < MIN_SIDE) {
            return false;
        }
        width = w;
        block = Math.max(MIN_BLOCK, (Math.max(w, h) + BLOCKS - 1) / BLOCKS);
        radius = (reach(Math.max(w, h)) + block - 1) / block;
        cols = (w + block - 1) / block;
        rows = (h + block - 1) / block;
        paddedCols = cols + 2 * radius;
        paddedRows = rows + 2 * radius;
        blockMeans(grey, flipped);
        pad(grey);
        int n = paddedCols * paddedRows;
        fine = Buffers.atLeast(fine, n);
        System.arraycopy(grid, 0, fine, 0, n);
        // Closing: dark features narrower than the window are filled from the paper around them.
        close(grid, radius);
        // Whether the light is uneven at all is judged on the wide closing: the narrow one dips into thick strokes.
        lowest = Float.MAX_VALUE;
        highest = -Float.MAX_VALUE;
        double sum = 0;
        for (int r = radius; r < radius + rows; r++) {
            for (int c = radius; c < radius + cols; c++) {
                float v = grid[r * paddedCols + c];
                lowest = Math.min(lowest, v);
                highest = Math.max(highest, v);
                sum += v;
            }
        }
        mean = (float) (sum / (cols * rows));
        // The rows are only wanted under uneven light: even paper pays for the wide closing alone.
        sharpened = false;
        return true;
    }

    /** Difference between the brightest and the darkest paper, in grey levels. */
    float range() {
        return highest - lowest;
    }

    /** The mean paper level over the picture's blocks. */
    float mean() {
        return mean;
    }

    /** Writes the paper level of every pixel of row {@code y} into {@code out}. */
    void row(int y, float[] out) {
        if (!sharpened) {
            sharpen(paddedCols * paddedRows);
            alongBlockRows();
            sharpened = true;
        }
        float fy = Math.max(0f, Math.min(paddedRows - 1f, (y + 0.5f) / block - 0.5f + radius));
        int y0 = (int) fy;
        int y1 = Math.min(y0 + 1, paddedRows - 1);
        float ay = fy - y0;
        for (int x = 0, top = y0 * width, bottom = y1 * width; x < width; x++) {
            out[x] = along[top + x] * (1 - ay) + along[bottom + x] * ay;
        }
    }

    /**
     * Each band of {@link #block} rows is first summed down its columns (whole rows at a time: long
     * loops rather than one of {@code block} pixels per block), then each block's columns are added:
     * integer sums, so exactly the block's total.
     */
    private void blockMeans(GreyImage grey, boolean flipped) {
        int w = grey.width;
        int h = grey.height;
        byte[] g = grey.pixels;
        sums = Buffers.atLeast(sums, cols * rows);
        columns = Buffers.atLeast(columns, w);
        for (int r = 0; r < rows; r++) {
            Arrays.fill(columns, 0, w, 0);
            for (int y = r * block, end = Math.min(h, y + block); y < end; y++) {
                for (int x = 0, i = y * w; x < w; x++, i++) {
                    columns[x] += g[i] & 0xFF;
                }
            }
            for (int c = 0, x = 0; c < cols; c++) {
                int sum = 0;
                for (int end = Math.min(w, x + block); x < end; x++) {
                    sum += columns[x];
                }
                sums[r * cols + c] = sum;
            }
        }
        grid = Buffers.atLeast(grid, paddedCols * paddedRows);
        for (int r = 0; r < rows; r++) {
            int high = Math.min(block, h - r * block);
            for (int c = 0; c < cols; c++) {
                int wide = Math.min(block, w - c * block);
                float mean = (float) sums[r * cols + c] / (high * wide);
                grid[(r + radius) * paddedCols + c + radius] = flipped ? 255 - mean : mean;
            }
        }
    }

    /**
     * Fills the padding: each value is the point reflection of the one as far inside, through the
     * edge block (2 edge - inside), kept within the picture's own range so that ink by the border
     * cannot reflect into paper brighter than any there is. Where the next block in is brighter than
     * the edge block by a sharp step, the reflection goes through that one instead: a ruled line
     * lying along the border darkens the edge block alone (half of it, a 2 px line in 4 px blocks),
     * and reflected through it would come out as a dark band as wide as the closing, which the
     * closing keeps: the line set the paper level along the whole border, the light was judged
     * uneven, and the other lines and the character were read against that paper. A shadow's soft
     * edge by the border makes no sharp step and is continued through the edge block as before.
     * Rows first, then whole padded columns, so the corners are reflected twice.
     */
    private void pad(GreyImage grey) {
        float low = Float.MAX_VALUE;
        float high = -Float.MAX_VALUE;
        for (int r = radius; r < radius + rows; r++) {
            for (int c = radius; c < radius + cols; c++) {
                low = Math.min(low, grid[r * paddedCols + c]);
                high = Math.max(high, grid[r * paddedCols + c]);
            }
        }
        for (int r = radius; r < radius + rows; r++) {
            int row = r * paddedCols;
            int y = (r - radius) * block;
            padBeyond(row + radius, 1, cols, low, high, grey, 0, y, 1, 0);
            padBeyond(row + radius + cols - 1, -1, cols, low, high, grey, grey.width - 1, y, -1, 0);
        }
        for (int c = 0; c < paddedCols; c++) {
            int x = Math.max(0, Math.min(cols - 1, c - radius)) * block;
            padBeyond(radius * paddedCols + c, paddedCols, rows, low, high, grey, x, 0, 0, 1);
            padBeyond((radius + rows - 1) * paddedCols + c, -paddedCols, rows, low, high, grey, x, grey.height - 1, 0, -1);
        }
    }

    /**
     * Fills the {@link #radius} cells beyond the edge cell {@code edge} of a line of {@code count}
     * cells that runs inwards by {@code in}.
     */
    private void padBeyond(int edge, int in, int count, float low, float high,
                           GreyImage grey, int x, int y, int dx, int dy) {
        float step = count > 1 ? grid[edge + in] - grid[edge] : 0;
        int pivot = step > LINE_STEP * grid[edge + in] && sharpestStep(grey, x, y, dx, dy) > SHARP * step ? 1 : 0;
        for (int k = 1; k <= radius; k++) {
            // The padded cell k out is pivot + k from the pivot; its mirror is as far in on the other side.
            float inside = grid[edge + Math.min(2 * pivot + k, count - 1) * in];
            grid[edge - k * in] = Math.max(low, Math.min(high, 2 * grid[edge + pivot * in] - inside));
        }
    }

    /**
     * The largest difference between neighbouring pixel lines (each averaged over one block's
     * length) across the first two blocks in from the border, starting at pixel (x, y) and going in
     * by (dx, dy).
     */
    private float sharpestStep(GreyImage grey, int x, int y, int dx, int dy) {
        int w = grey.width;
        int h = grey.height;
        byte[] g = grey.pixels;
        int depth = Math.min(2 * block, dx != 0 ? w : h);
        int length = dx != 0 ? Math.min(block, h - y) : Math.min(block, w - x);
        int sharpest = 0;
        int previous = 0;
        for (int d = 0; d < depth; d++) {
            int sum = 0;
            for (int t = 0; t < length; t++) {
                int px = dx != 0 ? x + d * dx : x + t;
                int py = dx != 0 ? y + t : y + d * dy;
                sum += g[py * w + px] & 0xFF;
            }
            if (d > 0) {
                sharpest = Math.max(sharpest, Math.abs(sum - previous));
            }
            previous = sum;
        }
        return (float) sharpest / length;
    }

    /**
     * The wide closing fills the dark tip of a shadow where its edge meets the border, or narrows
     * against another, and spreads the lit side into the shadow along a soft edge: paper there comes
     * out 10-50% darker than the estimate and reads as faint ink. A narrow closing follows such
     * shapes but fills only thin strokes, so it is taken wherever it still looks like paper (within
     * {@link #STILL_PAPER} of the wide one); inside thick strokes it is ink, and the wide one stays.
     */
    private void sharpen(int n) {
        close(fine, Math.max(1, radius / NARROW));
        for (int i = 0; i < n; i++) {
            if (fine[i] >= STILL_PAPER * grid[i]) {
                grid[i] = fine[i];
            }
        }
    }

    private void close(float[] values, int reach) {
        filter(values, true, reach);
        filter(values, false, reach);
    }

    /**
     * A separable max (or min) filter of the padded grid over {@code radius} blocks each way, cut at
     * the grid's edges. The grid holds grey levels (not negative, no NaN, no negative zero), so
     * {@link WindowExtremes} gives the same values as comparing every value of each window.
     */
    private void filter(float[] grid, boolean max, int radius) {
        extremes.filter(grid, paddedCols, paddedRows, radius, max);
    }

    /** The horizontal half of the bilinear interpolation, once per picture rather than once per pixel. */
    private void alongBlockRows() {
        along = Buffers.atLeast(along, paddedRows * width);
        for (int x = 0; x < width; x++) {
            float fx = Math.max(0f, Math.min(paddedCols - 1f, (x + 0.5f) / block - 0.5f + radius));
            int x0 = (int) fx;
            int x1 = Math.min(x0 + 1, paddedCols - 1);
            float ax = fx - x0;
            for (int r = 0; r < paddedRows; r++) {
                along[r * width + x] = grid[r * paddedCols + x0] * (1 - ax) + grid[r * paddedCols + x1] * ax;
            }
        }
    }
}
