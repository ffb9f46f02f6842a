package hcr.data;

import hcr.HcrException;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * STAND-IN for the data branch's contract (take data's version on merge): reads
 * emnist-SPLIT-PART-{images-idx3,labels-idx1}-ubyte.gz from a directory, un-transposing images.
 */
public final class Emnist {
    private Emnist() {
    }

    public static Path defaultSource() {
        return Path.of(System.getProperty("hcr.home", ".")).resolve("../shared/emnist").normalize();
    }

    /** The parts of {@code split} present (both images and labels) at {@code source}. */
    public static java.util.Set<Part> parts(Path source, String split) {
        if (!Files.isDirectory(source)) {
            throw new HcrException("EMNIST data not found: " + source);
        }
        java.util.Set<Part> present = java.util.EnumSet.noneOf(Part.class);
        for (Part part : Part.values()) {
            String stem = "emnist-" + split + "-" + part.name().toLowerCase() + "-";
            if (Files.isRegularFile(source.resolve(stem + "images-idx3-ubyte.gz"))
                    && Files.isRegularFile(source.resolve(stem + "labels-idx1-ubyte.gz"))) {
                present.add(part);
            }
        }
        return present;
    }

    public static ImageSet load(Path source, String split, Part part) {
        return load(source, split, part, Integer.MAX_VALUE);
    }

    public static ImageSet load(Path source, String split, Part part, int limit) {
        String stem = "emnist-" + split + "-" + part.name().toLowerCase() + "-";
        Path images = source.resolve(stem + "images-idx3-ubyte.gz");
        Path labels = source.resolve(stem + "labels-idx1-ubyte.gz");
        if (!Files.isRegularFile(images) || !Files.isRegularFile(labels)) {
            throw new HcrException("EMNIST " + split + " " + part.name().toLowerCase() + " files not found in " + source);
        }
        try (DataInputStream in = open(images); DataInputStream lin = open(labels)) {
            if (in.readInt() != 2051 || lin.readInt() != 2049) {
                throw new HcrException("not EMNIST IDX files: " + images + ", " + labels);
            }
            int n = Math.min(in.readInt(), limit);
            if (in.readInt() != 28 || in.readInt() != 28) {
                throw new HcrException("images are not 28x28 in " + images);
            }
            int labelCount = Math.min(lin.readInt(), limit);
            if (labelCount != n) {
                throw new HcrException(n + " images but " + labelCount + " labels");
            }
            byte[] raw = in.readNBytes(n * 784);
            byte[] label = lin.readNBytes(n);
            if (raw.length != n * 784 || label.length != n) {
                throw new HcrException("truncated EMNIST files in " + source);
            }
            byte[] upright = new byte[raw.length];
            for (int i = 0; i < n; i++) {
                for (int r = 0; r < 28; r++) {
                    for (int c = 0; c < 28; c++) {
                        upright[i * 784 + r * 28 + c] = raw[i * 784 + c * 28 + r];
                    }
                }
            }
            return ImageSet.wrap(upright, label, LabelMap.byClass());
        } catch (IOException e) {
            throw new HcrException("cannot read EMNIST files in " + source + ": " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }
}
