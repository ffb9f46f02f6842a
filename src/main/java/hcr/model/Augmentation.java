package hcr.model;

import hcr.image.EmnistTensor;
import java.util.SplittableRandom;

/**
 * Handwriting-style distortions of one upright 28x28 image: a random affine map (rotation, scale,
 * shear, shift) sampled bilinearly, then sometimes a thicker or thinner stroke (3x3 cross
 * dilation or erosion, half strength). Each image's draw depends only on (seed, epoch, position in the epoch), so
 * a resumed run sees exactly the images an uninterrupted one would.
 *
 * @param rotationDegrees maximum rotation either way
 * @param scale           maximum relative scale change either way
 * @param shear           maximum horizontal shear (x += shear * y)
 * @param shiftPixels     maximum translation either way
 * @param strokeChange    probability of dilating, and separately of eroding, the stroke
 */
public record Augmentation(float rotationDegrees, float scale, float shear, float shiftPixels, float strokeChange) {
    private static final int SIDE = EmnistTensor.SIDE;
    private static final float CENTRE = (SIDE - 1) / 2f;

    public static Augmentation none() {
        return new Augmentation(0, 0, 0, 0, 0);
    }

    /** Moderate distortions: within the variation EMNIST writers already show. */
    public static Augmentation standard() {
        return new Augmentation(10, 0.1f, 0.15f, 2, 0.1f);
    }

    public boolean changesNothing() {
        return rotationDegrees == 0 && scale == 0 && shear == 0 && shiftPixels == 0 && strokeChange == 0;
    }

    /** Writes the distorted image {@code src} (784 values in [0,1]) into {@code dst} at {@code offset}. */
    public void apply(float[] src, float[] dst, int offset, long seed, int epoch, long position) {
        if (changesNothing()) {
            System.arraycopy(src, 0, dst, offset, src.length);
            return;
        }
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL + position);
        double angle = Math.toRadians(symmetric(random, rotationDegrees));
        double s = 1 + symmetric(random, scale);
        double sh = symmetric(random, shear);
        double tx = symmetric(random, shiftPixels);
        double ty = symmetric(random, shiftPixels);
        // Forward map: p' = S * R * Shear * (p - c) + c + t; we sample the inverse at each output pixel.
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = s * cos, b = s * (cos * sh - sin), c = s * sin, d = s * (sin * sh + cos);
        double det = a * d - b * c;
        double ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
        float[] warped = new float[src.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double ox = x - CENTRE - tx;
                double oy = y - CENTRE - ty;
                warped[y * SIDE + x] = bilinear(src, ia * ox + ib * oy + CENTRE, ic * ox + id * oy + CENTRE);
            }
        }
        double stroke = random.nextDouble();
        if (stroke < strokeChange) {
            warped = crossFilter(warped, true);
        } else if (stroke < 2 * strokeChange) {
            warped = crossFilter(warped, false);
        }
        System.arraycopy(warped, 0, dst, offset, warped.length);
    }

    private static double symmetric(SplittableRandom random, double limit) {
        return limit == 0 ? 0 : random.nextDouble(-limit, limit);
    }

    private static float bilinear(float[] img, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        float top = pixel(img, x0, y0) * (1 - fx) + pixel(img, x0 + 1, y0) * fx;
        float bottom = pixel(img, x0, y0 + 1) * (1 - fx) + pixel(img, x0 + 1, y0 + 1) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static float pixel(float[] img, int x, int y) {
        return x < 0 || y < 0 || x >= SIDE || y >= SIDE ? 0f : img[y * SIDE + x];
    }

    /**
     * Half-way between the pixel and the max (dilate) or min (erode) over it and its four
     * neighbours: a full 3x3 erosion would erase EMNIST's 2-3 pixel strokes.
     */
    private static float[] crossFilter(float[] img, boolean dilate) {
        float[] out = new float[img.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = img[y * SIDE + x];
                float[] around = {pixel(img, x - 1, y), pixel(img, x + 1, y), pixel(img, x, y - 1), pixel(img, x, y + 1)};
                for (float n : around) {
                    v = dilate ? Math.max(v, n) : Math.min(v, n);
                }
                out[y * SIDE + x] = (v + img[y * SIDE + x]) / 2;
            }
        }
        return out;
    }
}
