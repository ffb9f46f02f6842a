import hcr.data.Emnist;
import hcr.data.EmnistRenderer;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import hcr.data.RenderStyle;
import hcr.image.EmnistPreprocessor;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Which tensors a preprocessing change alters, on dev POOL renderings (never the holdout): dumps the
 * tensors of COUNT pool images rendered in STYLE as `hcr data render` does, with whatever hcr classes
 * are on the class path, then compares two dumps (say, an older commit's classes and this tree's).
 *
 *   java -cp OLD/target/classes tools/PoolTensorDiff.java dump 300 SCAN old.bin [EMNIST_DIR]
 *   java -cp target/classes     tools/PoolTensorDiff.java dump 300 SCAN new.bin [EMNIST_DIR]
 *   java -cp target/classes tools/PoolTensorDiff.java compare old.bin new.bin
 */
public class PoolTensorDiff {
    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("dump")) {
            dump(Integer.parseInt(args[1]), RenderStyle.valueOf(args[2].toUpperCase(Locale.ROOT)), args[3],
                    Path.of(args.length > 4 ? args[4] : "../shared/emnist"));
        } else if (args.length == 3 && args[0].equals("compare")) {
            compare(args[1], args[2]);
        } else {
            System.err.println("usage: PoolTensorDiff dump COUNT STYLE OUT.bin [EMNIST_DIR] | compare A.bin B.bin");
            System.exit(2);
        }
    }

    private static void dump(int count, RenderStyle style, String file, Path emnist) throws IOException {
        ImageSet dev = Emnist.load(emnist, "byclass", Part.DEV);
        int[] pool = Holdout.everyTenth().poolIndices(dev.size());
        EmnistRenderer renderer = new EmnistRenderer(style, 1L);
        EmnistPreprocessor preprocessor = new EmnistPreprocessor();
        float[] tensor = new float[784];
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(file)))) {
            for (int k = 0; k < count; k++) {
                int index = pool[(int) ((long) k * pool.length / count)];
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                renderer.encode(renderer.render(dev, index), bytes);
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
                Arrays.fill(tensor, -1); // "no ink" stays recognisable
                try {
                    preprocessor.toTensor(decoded, tensor, 0);
                } catch (RuntimeException e) {
                    // counted as a tensor of -1s
                }
                out.writeInt(index);
                for (float v : tensor) {
                    out.writeFloat(v);
                }
            }
        }
    }

    private static void compare(String a, String b) throws IOException {
        try (DataInputStream x = new DataInputStream(new BufferedInputStream(new FileInputStream(a)));
             DataInputStream y = new DataInputStream(new BufferedInputStream(new FileInputStream(b)))) {
            int n = 0;
            int changed = 0;
            while (x.available() > 0) {
                int index = x.readInt();
                y.readInt();
                n++;
                double sum = 0;
                double largest = 0;
                for (int k = 0; k < 784; k++) {
                    double d = Math.abs(x.readFloat() - y.readFloat());
                    sum += d;
                    largest = Math.max(largest, d);
                }
                if (largest > 0) {
                    changed++;
                    System.out.printf(Locale.ROOT, "  dev image %d: mean |diff| %.4f, largest %.3f%n", index, sum / 784, largest);
                }
            }
            System.out.printf(Locale.ROOT, "%d of %d tensors differ%n", changed, n);
        }
    }
}
