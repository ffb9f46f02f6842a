package hcr.data;

import java.util.Objects;

/**
 * Labelled 28x28 images in one compact buffer: {@code size()*784} bytes, each image upright
 * (already un-transposed from IDX), row-major, 0 = background, 255 = ink, as EMNIST stores it.
 * 800k images are 627 MB as bytes here rather than 800k objects.
 */
public final class ImageSet {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;

    private final byte[] pixels;
    private final byte[] labels;
    private final LabelMap labelMap;

    private ImageSet(byte[] pixels, byte[] labels, LabelMap labelMap) {
        if (pixels.length != labels.length * PIXELS) {
            throw new IllegalArgumentException(
                    "pixels for " + pixels.length / PIXELS + " images but " + labels.length + " labels");
        }
        this.pixels = pixels;
        this.labels = labels;
        this.labelMap = Objects.requireNonNull(labelMap);
    }

    /** Wraps the arrays without copying: callers hand over ownership. */
    public static ImageSet wrap(byte[] uprightPixels, byte[] labels, LabelMap labelMap) {
        return new ImageSet(uprightPixels, labels, labelMap);
    }

    public int size() {
        return labels.length;
    }

    public int label(int i) {
        return labels[i] & 0xFF;
    }

    public LabelMap labelMap() {
        return labelMap;
    }

    /** Pixel p (row * 28 + column) of image i, 0-255. */
    public int pixel(int i, int p) {
        return pixels[i * PIXELS + p] & 0xFF;
    }

    /** Copies image i as floats in [0,1] into {@code dst[offset .. offset+784)}. */
    public void copyTo(int i, float[] dst, int offset) {
        int base = i * PIXELS;
        for (int p = 0; p < PIXELS; p++) {
            dst[offset + p] = (pixels[base + p] & 0xFF) / 255f;
        }
    }

    /** Copies image i as bytes (0-255) into {@code dst[offset .. offset+784)}. */
    public void copyTo(int i, byte[] dst, int offset) {
        System.arraycopy(pixels, i * PIXELS, dst, offset, PIXELS);
    }

    /** A new set holding the given images, in the given order. */
    public ImageSet select(int[] indices) {
        byte[] p = new byte[indices.length * PIXELS];
        byte[] l = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * PIXELS, p, k * PIXELS, PIXELS);
            l[k] = labels[indices[k]];
        }
        return new ImageSet(p, l, labelMap);
    }

    /** The first n images (all of them if n >= size). */
    public ImageSet first(int n) {
        int k = Math.min(n, size());
        return new ImageSet(java.util.Arrays.copyOf(pixels, k * PIXELS), java.util.Arrays.copyOf(labels, k), labelMap);
    }
}
