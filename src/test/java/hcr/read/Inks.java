package hcr.read;

import hcr.image.InkMap;

/** Hand-drawn ink maps for segmentation tests: solid rectangles on paper. */
final class Inks {
    final int width;
    final int height;
    final float[] ink;

    Inks(int width, int height) {
        this.width = width;
        this.height = height;
        this.ink = new float[width * height];
    }

    Inks rect(int x, int y, int w, int h) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                ink[yy * width + xx] = 1f;
            }
        }
        return this;
    }

    InkMap map() {
        return new InkMap(width, height, 1, ink);
    }
}
