package hcr.read;

import hcr.image.EmnistPreprocessor;
import hcr.image.InkMap;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts candidate characters out of a line's ink map and puts them through the EMNIST recipe.
 * A candidate keeps only its own solid pixels plus the faint halo touching them, so the strokes of
 * a neighbour that reaches into its box do not come along.
 */
final class Crops {
    private static final int MARGIN = 2;

    private final InkMap map;
    /** Per map pixel: the atom owning it, or -1 for paper and faint halo. */
    private final int[] owner;
    private final EmnistPreprocessor recipe;

    Crops(InkMap map, EmnistPreprocessor recipe) {
        this.map = map;
        this.recipe = recipe;
        this.owner = new int[map.width() * map.height()];
        Arrays.fill(owner, -1);
    }

    /** Registers a line's atoms under global ids {@code first ..}. */
    void own(List<Piece> atoms, int first) {
        for (int a = 0; a < atoms.size(); a++) {
            for (int p : atoms.get(a).pixels()) {
                owner[p] = first + a;
            }
        }
    }

    /** Writes the tensor of atoms {@code [from, to)} (global ids, boxes given) at {@code out[offset ..]}. */
    void tensor(int from, int to, Box box, float[] out, int offset) {
        int mw = map.width();
        int left = Math.max(0, box.x() - MARGIN);
        int top = Math.max(0, box.y() - MARGIN);
        int right = Math.min(mw, box.right() + MARGIN);
        int bottom = Math.min(map.height(), box.bottom() + MARGIN);
        int w = right - left;
        int h = bottom - top;
        float[] ink = new float[w * h];
        float[] source = map.ink();
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                int o = owner[y * mw + x];
                if (o >= from && o < to) {
                    ink[(y - top) * w + (x - left)] = source[y * mw + x];
                } else if (o < 0 && touches(x, y, from, to)) {
                    ink[(y - top) * w + (x - left)] = source[y * mw + x];
                }
            }
        }
        recipe.inkToTensor(ink, w, h, out, offset);
    }

    /** The oracle's crop: everything inside the box, whoever owns it. */
    void tensorOfBox(Box box, float[] out, int offset) {
        int mw = map.width();
        int left = Math.max(0, box.x());
        int top = Math.max(0, box.y());
        int right = Math.min(mw, box.right());
        int bottom = Math.min(map.height(), box.bottom());
        int w = Math.max(1, right - left);
        int h = Math.max(1, bottom - top);
        float[] ink = new float[w * h];
        for (int y = top; y < bottom; y++) {
            System.arraycopy(map.ink(), y * mw + left, ink, (y - top) * w, right - left);
        }
        recipe.inkToTensor(ink, w, h, out, offset);
    }

    private boolean touches(int x, int y, int from, int to) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx >= 0 && ny >= 0 && nx < map.width() && ny < map.height()) {
                    int o = owner[ny * map.width() + nx];
                    if (o >= from && o < to) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

}
