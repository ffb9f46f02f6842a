package hcr.image;

/** A reusable luminance canvas, 0 (black) to 255 (white), row-major. */
final class GreyImage {
    int width;
    int height;
    int[] pixels = new int[0];

    void resize(int width, int height) {
        this.width = width;
        this.height = height;
        pixels = Buffers.atLeast(pixels, width * height);
    }
}
