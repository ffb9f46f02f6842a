import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints the per-class shape table of hcr.read.ShapePrior: mean and standard deviation of
 * ln(width / height) of the ink box (pixels above 40 of 255) over the dev POOL images (never the
 * holdout). EMNIST keeps each character's aspect when it fits it into 28x28, so this is the hand's.
 *   java -cp target/hcr.jar tools/AspectTable.java
 */
public class AspectTable {
    public static void main(String[] args) {
        ImageSet images = Emnist.load(Path.of("../shared/emnist"), "byclass", Part.DEV);
        int classes = images.labelMap().size();
        double[] sum = new double[classes];
        double[] squares = new double[classes];
        int[] count = new int[classes];
        for (int i : Holdout.everyTenth().poolIndices(images.size())) {
            int left = 28, top = 28, right = 0, bottom = 0;
            for (int p = 0; p < ImageSet.PIXELS; p++) {
                if (images.pixel(i, p) > 40) {
                    left = Math.min(left, p % 28);
                    right = Math.max(right, p % 28 + 1);
                    top = Math.min(top, p / 28);
                    bottom = Math.max(bottom, p / 28 + 1);
                }
            }
            if (right <= left) {
                continue;
            }
            double a = Math.log((double) (right - left) / (bottom - top));
            int c = images.label(i);
            sum[c] += a;
            squares[c] += a * a;
            count[c]++;
        }
        StringBuilder means = new StringBuilder();
        StringBuilder spreads = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            double mean = sum[c] / count[c];
            double sd = Math.sqrt(Math.max(1e-6, squares[c] / count[c] - mean * mean));
            means.append(String.format(Locale.ROOT, "%.3f, ", mean));
            spreads.append(String.format(Locale.ROOT, "%.3f, ", sd));
        }
        System.out.println("labels: " + images.labelMap());
        System.out.println("MEAN = {" + means + "}");
        System.out.println("SPREAD = {" + spreads + "}");
    }
}
