package hcr.image;

/** A reusable luminance canvas, 0 (black) to 255 (white) as unsigned bytes, row-major. */
final class GreyImage {
    int width;
    int height;
    byte[] pixels = new byte[0];

    void resize(int width, int height) {
        this.width = width;
        this.height = height;
        pixels = Buffers.atLeast(pixels, width * height);
    }
}
