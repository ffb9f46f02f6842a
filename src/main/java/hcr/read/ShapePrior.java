package hcr.read;

import java.util.List;

/**
 * How wide each character is for its height: the mean and spread of ln(width / height) of its ink
 * box over the EMNIST dev pool images (never the holdout; EMNIST keeps each character's aspect;
 * {@code tools/AspectTable.java} prints the table). Lets the decoder doubt an "8" twice as wide as
 * an 8 ever is, which is what two touching characters read as one look like.
 */
final class ShapePrior {
    private static final String ORDER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final double[] MEAN = {-0.092, -0.851, -0.042, -0.212, -0.225, -0.004, -0.300, -0.266, -0.270,
        -0.395, -0.077, -0.128, -0.011, -0.080, 0.016, -0.205, -0.056, -0.116, -0.755, -0.052, -0.093, -0.207, 0.373,
        0.102, -0.035, -0.303, -0.107, -0.052, -0.110, 0.068, -0.001, -0.144, 0.176, -0.168, -0.379, 0.086, 0.172,
        -0.404, 0.019, -0.273, 0.090, -0.257, -0.296, -0.416, -0.820, -0.525, -0.170, -0.906, 0.466, 0.080, -0.006,
        -0.186, -0.338, 0.002, -0.086, -0.260, 0.120, -0.080, 0.358, -0.056, -0.278, 0.205};
    private static final double[] SPREAD = {0.186, 0.445, 0.213, 0.202, 0.204, 0.246, 0.198, 0.203, 0.209, 0.188,
        0.226, 0.198, 0.229, 0.201, 0.217, 0.269, 0.188, 0.220, 0.495, 0.296, 0.195, 0.266, 0.265, 0.233, 0.189, 0.252,
        0.196, 0.224, 0.201, 0.231, 0.230, 0.216, 0.220, 0.198, 0.250, 0.222, 0.258, 0.226, 0.206, 0.238, 0.213, 0.229,
        0.253, 0.250, 0.456, 0.384, 0.216, 0.482, 0.239, 0.217, 0.183, 0.210, 0.275, 0.216, 0.208, 0.258, 0.242, 0.237,
        0.216, 0.213, 0.234, 0.255};

    /** Per model output: its mean and spread, or NaN for a label this table does not know. */
    private final double[] mean;
    private final double[] spread;

    ShapePrior(List<String> labels) {
        mean = new double[labels.size()];
        spread = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            int at = ORDER.indexOf(labels.get(i));
            mean[i] = at >= 0 && labels.get(i).length() == 1 ? MEAN[at] : Double.NaN;
            spread[i] = at >= 0 && labels.get(i).length() == 1 ? SPREAD[at] : Double.NaN;
        }
    }

    /**
     * How far outside its usual range ({@code 1} spread either side of the mean) a box of this
     * width and height is for label {@code index}, squared, in spreads; 0 inside the range.
     */
    double misfit(int index, int width, int height) {
        if (Double.isNaN(mean[index]) || width < 1 || height < 1) {
            return 0;
        }
        // One-sided: only too wide is suspicious (two characters read as one); slivers are the cut cost's business.
        double z = (Math.log((double) width / height) - mean[index]) / spread[index];
        return z <= 1 ? 0 : (z - 1) * (z - 1);
    }
}
