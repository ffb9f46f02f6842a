package hcr.image;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Just enough IDX reading for these tests (the real reader lives in hcr.data, which image must not
 * depend on). Skips the holdout (index % 10 == 0) so preprocessing is never tuned on it.
 */
final class EmnistIdx {
    private EmnistIdx() {
    }

    /** The first {@code count} non-holdout images, upright, as 784 floats in [0,1]. */
    static List<float[]> trainingImages(Path imagesGz, int count) throws IOException {
        try (InputStream file = Files.newInputStream(imagesGz);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(file)))) {
            if (in.readInt() != 2051) {
                throw new IOException("not an IDX image file: " + imagesGz);
            }
            int n = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            byte[] stored = new byte[rows * cols];
            List<float[]> images = new ArrayList<>();
            for (int i = 0; i < n && images.size() < count; i++) {
                in.readFully(stored);
                if (i % 10 == 0) {
                    continue;
                }
                float[] upright = new float[rows * cols];
                for (int y = 0; y < rows; y++) {
                    for (int x = 0; x < cols; x++) {
                        // EMNIST stores each image transposed.
                        upright[y * cols + x] = (stored[x * rows + y] & 0xFF) / 255f;
                    }
                }
                images.add(upright);
            }
            return images;
        }
    }
}
