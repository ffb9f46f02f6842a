package hcr.eval;

import hcr.data.ImageSet;
import hcr.data.LabelMap;
import hcr.data.Part;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a tiny EMNIST ByClass source in NIST's file layout (raw IDX, not gzipped) for tests. */
public final class EmnistFixture {
    private EmnistFixture() {
    }

    /** {@code n} blank images of one part; image i has label i % 62. Also writes the ByClass mapping. */
    public static void writePart(Path dir, Part part, int n) throws IOException {
        String prefix = "emnist-byclass-" + part.name().toLowerCase() + "-";
        try (DataOutputStream images = idx(dir.resolve(prefix + "images-idx3-ubyte"), 0x803, n)) {
            images.writeInt(ImageSet.SIDE);
            images.writeInt(ImageSet.SIDE);
            images.write(new byte[n * ImageSet.PIXELS]);
        }
        try (DataOutputStream labels = idx(dir.resolve(prefix + "labels-idx1-ubyte"), 0x801, n)) {
            for (int i = 0; i < n; i++) {
                labels.writeByte(i % 62);
            }
        }
        LabelMap map = LabelMap.byClass();
        StringBuilder mapping = new StringBuilder();
        for (int label = 0; label < map.size(); label++) {
            mapping.append(label).append(' ').append(map.code(label)).append('\n');
        }
        Files.writeString(dir.resolve("emnist-byclass-mapping.txt"), mapping);
    }

    private static DataOutputStream idx(Path file, int magic, int count) throws IOException {
        DataOutputStream data = new DataOutputStream(Files.newOutputStream(file));
        data.writeInt(magic);
        data.writeInt(count);
        return data;
    }
}
