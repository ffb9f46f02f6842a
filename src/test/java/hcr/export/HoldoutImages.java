package hcr.export;

import hcr.image.EmnistTensor;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The first holdout images (index % 10 == 0) of the EMNIST dev file, as upright [0,1] tensors.
 * Read here rather than through hcr.data so the exporter's tests depend only on the file format.
 */
final class HoldoutImages {
    private HoldoutImages() {
    }

    static float[] read(Path emnistDir, int count) {
        Path file = emnistDir.resolve("emnist-byclass-dev-images-idx3-ubyte.gz");
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != 0x00000803) {
                throw new IllegalStateException(file + " is not an IDX image file");
            }
            int total = in.readInt();
            in.readInt();
            in.readInt();
            float[] images = new float[count * EmnistTensor.PIXELS];
            byte[] raw = new byte[EmnistTensor.PIXELS];
            int taken = 0;
            for (int i = 0; i < total && taken < count; i++) {
                in.readFully(raw);
                if (i % 10 == 0) {
                    uprightInto(raw, images, taken++ * EmnistTensor.PIXELS);
                }
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EMNIST stores each image transposed (column by column); the tensor contract is upright. */
    private static void uprightInto(byte[] raw, float[] out, int offset) {
        int side = EmnistTensor.SIDE;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[offset + y * side + x] = (raw[x * side + y] & 0xff) / 255f;
            }
        }
    }
}
