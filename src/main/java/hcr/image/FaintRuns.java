package hcr.image;

import java.util.Arrays;

/**
 * For a pixel of an ink map, the length of the run of faint ink ({@link LineEraser#FAINT} or
 * stronger) it lies in, along its row or down its column; 0 off the ink. Worked out only for the
 * pixels asked about: {@link LineEraser} reads a small share of them (the lines with a box side's
 * worth of faint ink, and the pixels of their long runs), and working out all of them, two passes
 * over every pixel, was most of its time. A run is walked once, when one of its pixels is first
 * asked about, and remembered for all of its pixels until the next {@link #reset}. Not thread-safe.
 */
final class FaintRuns {
    private final boolean down;
    private float[] ink;
    private int width;
    private int height;
    private int[] lengths = new int[0];
    /** Which picture each remembered length belongs to: no pass over the pixels to forget the last one. */
    private int[] measured = new int[0];
    private int picture;

    /** @param down whether runs go down the columns rather than along the rows */
    FaintRuns(boolean down) {
        this.down = down;
    }

    /** Starts on a new ink map of {@code w x h}, which must not change until the next reset. */
    void reset(float[] ink, int w, int h) {
        this.ink = ink;
        width = w;
        height = h;
        if (measured.length < w * h) {
            lengths = new int[w * h];
            measured = new int[w * h];
            picture = 0;
        }
        if (picture == Integer.MAX_VALUE) {
            Arrays.fill(measured, 0);
            picture = 0;
        }
        picture++;
    }

    /** The run length at pixel {@code i} (row-major index). */
    int at(int i) {
        if (measured[i] == picture) {
            return lengths[i];
        }
        if (ink[i] < LineEraser.FAINT) {
            return 0;
        }
        return walk(i);
    }

    private int walk(int i) {
        int step = down ? width : 1;
        int length = down ? height : width;
        int k = down ? i / width : i % width;
        int first = k;
        while (first > 0 && ink[i - (k - first + 1) * step] >= LineEraser.FAINT) {
            first--;
        }
        int last = k;
        while (last < length - 1 && ink[i + (last - k + 1) * step] >= LineEraser.FAINT) {
            last++;
        }
        int run = last - first + 1;
        for (int j = i - (k - first) * step, end = i + (last - k) * step; j <= end; j += step) {
            lengths[j] = run;
            measured[j] = picture;
        }
        return run;
    }
}
