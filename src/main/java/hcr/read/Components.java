package hcr.read;

import hcr.image.InkMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The 8-connected blobs of solid ink of a map, specks dropped. */
final class Components {
    /** Ink strength that counts as stroke, as the single-character recipe's blob finder uses. */
    static final float SOLID = 0.25f;
    /** Blobs smaller than this are dust, noise or JPEG ringing. */
    static final int MIN_AREA = 4;

    private Components() {
    }

    static List<Piece> of(InkMap map) {
        int w = map.width();
        int h = map.height();
        float[] ink = map.ink();
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[64];
        int[] found = new int[64];
        List<Piece> pieces = new ArrayList<>();
        for (int start = 0; start < w * h; start++) {
            if (seen[start] || ink[start] < SOLID) {
                continue;
            }
            int top = 0;
            int count = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int p = stack[--top];
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = p;
                int x = p % w;
                int y = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * w + nx;
                        if (nx >= 0 && nx < w && !seen[q] && ink[q] >= SOLID) {
                            seen[q] = true;
                            if (top == stack.length) {
                                stack = Arrays.copyOf(stack, top * 2);
                            }
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (count >= MIN_AREA) {
                int[] pixels = Arrays.copyOf(found, count);
                Arrays.sort(pixels);
                pieces.add(Piece.of(pixels, w));
            }
        }
        return pieces;
    }
}
