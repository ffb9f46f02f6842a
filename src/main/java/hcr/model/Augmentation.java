package hcr.model;

import hcr.image.EmnistTensor;
import java.util.SplittableRandom;

/**
 * Handwriting-style distortions of one upright 28x28 image: a random affine map (rotation, scale,
 * shear, shift), optionally bent by a smooth random displacement field (elastic distortion, as
 * Simard et al. 2003 used for handwriting: strokes curve and lean the way different hands draw
 * them), sampled bilinearly, then sometimes a thicker or thinner stroke (3x3 cross dilation or
 * erosion, half strength). Each image's draw depends only on (seed, epoch, position in the epoch),
 * so a resumed run sees exactly the images an uninterrupted one would.
 *
 * @param rotationDegrees maximum rotation either way
 * @param scale           maximum relative scale change either way
 * @param shear           maximum horizontal shear (x += shear * y)
 * @param shiftPixels     maximum translation either way
 * @param strokeChange    probability of dilating, and separately of eroding, the stroke
 * @param elasticPixels   maximum displacement either way of the elastic field's control points
 */
public record Augmentation(float rotationDegrees, float scale, float shear, float shiftPixels, float strokeChange,
                           float elasticPixels) {
    private static final int SIDE = EmnistTensor.SIDE;
    private static final float CENTRE = (SIDE - 1) / 2f;
    /**
     * Control points per side of the elastic field: 4 puts them 9 px apart, so the field bends whole
     * strokes (like Simard's Gaussian-smoothed field with sigma 4) instead of roughening their edges.
     */
    private static final int GRID = 4;

    public static Augmentation none() {
        return new Augmentation(0, 0, 0, 0, 0, 0);
    }

    /** Moderate distortions: within the variation EMNIST writers already show. */
    public static Augmentation standard() {
        return new Augmentation(10, 0.1f, 0.15f, 2, 0.1f, 0);
    }

    /**
     * Standard plus elastic bending of up to 2 px and more stroke-width changes: handwriting less
     * like NIST's form-filling printers (cursive, brush and calligraphic pens).
     */
    public static Augmentation elastic() {
        return new Augmentation(10, 0.1f, 0.15f, 2, 0.2f, 2);
    }

    public boolean changesNothing() {
        return rotationDegrees == 0 && scale == 0 && shear == 0 && shiftPixels == 0 && strokeChange == 0
                && elasticPixels == 0;
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
        // Drawn only when used, so runs without it see the same random sequence as before it existed.
        double[] field = elasticPixels == 0 ? null : controlPoints(random);
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
                double sx = ia * ox + ib * oy + CENTRE;
                double sy = ic * ox + id * oy + CENTRE;
                if (field != null) {
                    sx += displacement(field, 0, x, y);
                    sy += displacement(field, GRID * GRID, x, y);
                }
                warped[y * SIDE + x] = bilinear(src, sx, sy);
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

    /** GRID x GRID horizontal displacements, then as many vertical ones. */
    private double[] controlPoints(SplittableRandom random) {
        double[] field = new double[2 * GRID * GRID];
        for (int k = 0; k < field.length; k++) {
            field[k] = symmetric(random, elasticPixels);
        }
        return field;
    }

    /** The field at output pixel (x, y): bilinear between the control points around it. */
    private static double displacement(double[] field, int base, int x, int y) {
        double gx = x * (GRID - 1.0) / (SIDE - 1);
        double gy = y * (GRID - 1.0) / (SIDE - 1);
        int x0 = Math.min((int) gx, GRID - 2);
        int y0 = Math.min((int) gy, GRID - 2);
        double fx = gx - x0;
        double fy = gy - y0;
        int k = base + y0 * GRID + x0;
        double top = field[k] * (1 - fx) + field[k + 1] * fx;
        double bottom = field[k + GRID] * (1 - fx) + field[k + GRID + 1] * fx;
        return top * (1 - fy) + bottom * fy;
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
