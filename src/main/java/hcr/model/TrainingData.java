package hcr.model;

import hcr.data.ImageSet;
import java.util.Random;

/**
 * Splits a pool of images into training and validation sets, deterministically for a seed.
 * The pool must already exclude the holdout: nothing here may see it.
 */
public record TrainingData(ImageSet training, ImageSet validation) {

    public static TrainingData split(ImageSet pool, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new TrainingException("validation fraction must be in (0,1), not " + validationFraction);
        }
        int[] order = BatchPipeline.shuffled(pool.size(), new Random(seed ^ 0x5EED5EEDL));
        int validationSize = (int) Math.round(pool.size() * validationFraction);
        return new TrainingData(inOrder(pool, order, validationSize, order.length), inOrder(pool, order, 0, validationSize));
    }

    /**
     * A seeded random {@code fraction} of {@code set} (at least one image), in its original order:
     * the training images of a learning-curve run, which shows how accuracy grows with data.
     */
    public static ImageSet sample(ImageSet set, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new TrainingException("training fraction must be in (0,1], not " + fraction);
        }
        if (fraction == 1) {
            return set;
        }
        int[] order = BatchPipeline.shuffled(set.size(), new Random(seed ^ 0x5A3B1E5L));
        return inOrder(set, order, 0, Math.max(1, (int) Math.round(set.size() * fraction)));
    }

    /** The images {@code order[from..to)} of {@code set}, in the set's own order (a draw, not a reshuffle). */
    private static ImageSet inOrder(ImageSet set, int[] order, int from, int to) {
        int[] chosen = java.util.Arrays.copyOfRange(order, from, to);
        java.util.Arrays.sort(chosen);
        return set.select(chosen);
    }

    /**
     * Log-ratio of class frequencies, target over trained: added to the output bias it turns a model
     * trained with {@code trained}'s class prior into one calibrated for {@code target}'s
     * (Bayes: a constant shift of the logits). Classes absent from either get add-one smoothing.
     */
    public static float[] priorShift(ImageSet target, ImageSet trained, int classes) {
        double[] t = frequencies(target, classes);
        double[] s = frequencies(trained, classes);
        float[] shift = new float[classes];
        for (int c = 0; c < classes; c++) {
            shift[c] = (float) Math.log(t[c] / s[c]);
        }
        return shift;
    }

    private static double[] frequencies(ImageSet set, int classes) {
        double[] f = new double[classes];
        java.util.Arrays.fill(f, 1);
        for (int i = 0; i < set.size(); i++) {
            f[set.label(i)]++;
        }
        double total = set.size() + classes;
        for (int c = 0; c < classes; c++) {
            f[c] /= total;
        }
        return f;
    }

    /** {@code a} followed by {@code b}. */
    public static ImageSet concat(ImageSet a, ImageSet b) {
        byte[] pixels = new byte[(a.size() + b.size()) * ImageSet.PIXELS];
        byte[] labels = new byte[a.size() + b.size()];
        for (int i = 0; i < a.size(); i++) {
            a.copyTo(i, pixels, i * ImageSet.PIXELS);
            labels[i] = (byte) a.label(i);
        }
        for (int i = 0; i < b.size(); i++) {
            b.copyTo(i, pixels, (a.size() + i) * ImageSet.PIXELS);
            labels[a.size() + i] = (byte) b.label(i);
        }
        return ImageSet.wrap(pixels, labels, a.labelMap());
    }
}
