import hcr.image.EmnistPreprocessor;
import hcr.image.ImageDecoder;
import hcr.image.ImageRejectedException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Guards speed work on the image pipeline: dumps the tensor of every picture under the given
 * directories, then compares two dumps (say, before and after a change) picture by picture.
 *
 *   java -cp target/hcr.jar tools/TensorDump.java dump OUT.bin DIR...
 *   java -cp target/hcr.jar tools/TensorDump.java compare BEFORE.bin AFTER.bin
 */
public class TensorDump {
    public static void main(String[] args) throws IOException {
        if (args.length >= 3 && args[0].equals("dump")) {
            dump(Path.of(args[1]), List.of(args).subList(2, args.length));
        } else if (args.length == 3 && args[0].equals("compare")) {
            System.exit(compare(read(Path.of(args[1])), read(Path.of(args[2]))) ? 0 : 1);
        } else {
            System.err.println("usage: TensorDump dump OUT.bin DIR... | compare BEFORE.bin AFTER.bin");
            System.exit(2);
        }
    }

    private static void dump(Path out, List<String> dirs) throws IOException {
        ImageDecoder decoder = ImageDecoder.withDefaults();
        EmnistPreprocessor preprocessor = new EmnistPreprocessor();
        List<Path> files = new ArrayList<>();
        for (String dir : dirs) {
            try (Stream<Path> walk = Files.walk(Path.of(dir))) {
                walk.filter(ImageDecoder::isSupported).filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        try (DataOutputStream data = new DataOutputStream(Files.newOutputStream(out))) {
            for (Path file : files) {
                data.writeUTF(file.toString());
                try {
                    float[] tensor = preprocessor.toTensor(decoder.decode(file));
                    data.writeUTF("");
                    for (float v : tensor) {
                        data.writeFloat(v);
                    }
                } catch (ImageRejectedException e) {
                    data.writeUTF(e.reason());
                }
            }
        }
        System.out.println("dumped " + files.size() + " pictures to " + out);
    }

    /** Path to the rejection reason ("" when it made a tensor) followed by the tensor. */
    private static TreeMap<String, Object[]> read(Path in) throws IOException {
        TreeMap<String, Object[]> tensors = new TreeMap<>();
        try (DataInputStream data = new DataInputStream(Files.newInputStream(in))) {
            while (data.available() > 0) {
                String path = data.readUTF();
                String reason = data.readUTF();
                float[] tensor = new float[reason.isEmpty() ? 784 : 0];
                for (int i = 0; i < tensor.length; i++) {
                    tensor[i] = data.readFloat();
                }
                tensors.put(path, new Object[] {reason, tensor});
            }
        }
        return tensors;
    }

    private static boolean compare(TreeMap<String, Object[]> before, TreeMap<String, Object[]> after) {
        if (!before.keySet().equals(after.keySet())) {
            System.out.println("different picture sets: " + before.size() + " against " + after.size());
            return false;
        }
        int identical = 0;
        int differing = 0;
        double worst = 0;
        for (String path : before.keySet()) {
            Object[] b = before.get(path);
            Object[] a = after.get(path);
            if (!b[0].equals(a[0])) {
                System.out.println(path + ": '" + b[0] + "' became '" + a[0] + "'");
                differing++;
                continue;
            }
            float[] x = (float[]) b[1];
            float[] y = (float[]) a[1];
            double max = 0;
            for (int i = 0; i < x.length; i++) {
                max = Math.max(max, Math.abs(x[i] - y[i]));
            }
            worst = Math.max(worst, max);
            if (max == 0) {
                identical++;
            } else if (max > 1e-6) {
                System.out.println(path + ": differs by up to " + max);
                differing++;
            }
        }
        System.out.printf("%d pictures: %d bit-identical, %d differ by more than 1e-6, largest difference %.3g%n",
                before.size(), identical, differing, worst);
        return differing == 0;
    }
}
