package hcr.read;

import java.util.Arrays;

/**
 * Solid ink pixels that belong together: a connected blob, a slice of one, or several joined
 * (an i's dot and its stem). Pixels are indices into the ink map, ascending. Slices of one blob
 * share its {@code blob} number, so the decoder knows which boundaries are cuts.
 */
record Piece(int[] pixels, Box box, int blob) {

    static Piece of(int[] pixels, int mapWidth) {
        return of(pixels, mapWidth, -1);
    }

    static Piece of(int[] pixels, int mapWidth, int blob) {
        int left = Integer.MAX_VALUE;
        int top = Integer.MAX_VALUE;
        int right = Integer.MIN_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int p : pixels) {
            int x = p % mapWidth;
            int y = p / mapWidth;
            left = Math.min(left, x);
            right = Math.max(right, x + 1);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y + 1);
        }
        return new Piece(pixels, Box.spanning(left, top, right, bottom), blob);
    }

    Piece join(Piece other) {
        int[] all = Arrays.copyOf(pixels, pixels.length + other.pixels.length);
        System.arraycopy(other.pixels, 0, all, pixels.length, other.pixels.length);
        Arrays.sort(all);
        return new Piece(all, box.union(other.box), blob);
    }

    Piece inBlob(int number) {
        return new Piece(pixels, box, number);
    }

    int area() {
        return pixels.length;
    }
}
