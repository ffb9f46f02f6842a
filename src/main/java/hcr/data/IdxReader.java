package hcr.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * Reads NIST's IDX files (already decompressed): a big-endian header (magic, then one count per
 * dimension) followed by unsigned bytes. EMNIST stores every image transposed; images come out
 * upright here, so nothing downstream ever has to know.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 0x0803; // unsigned bytes, 3 dimensions: count, rows, columns
    static final int LABELS_MAGIC = 0x0801; // unsigned bytes, 1 dimension: count
    private static final int SIDE = ImageSet.SIDE;
    private static final int PIXELS = ImageSet.PIXELS;
    /** Images decoded per read: large enough to amortise stream calls, small enough to stay in cache. */
    private static final int CHUNK_IMAGES = 1024;

    /** What an IDX file declares ({@code declaredCount}) and the first {@code limit} items of it. */
    record Content(int declaredCount, byte[] data) {
    }

    private IdxReader() {
    }

    /** Reads up to {@code limit} images, each upright and row-major. */
    static Content readImages(InputStream in, String name, int limit) throws IOException {
        try {
            DataInputStream data = new DataInputStream(in);
            int count = imageHeader(data, name);
            int n = Math.min(count, limit);
            byte[] upright = new byte[affordable(n, name)];
            byte[] stored = new byte[CHUNK_IMAGES * PIXELS];
            for (int first = 0; first < n; first += CHUNK_IMAGES) {
                int images = Math.min(CHUNK_IMAGES, n - first);
                data.readFully(stored, 0, images * PIXELS);
                for (int k = 0; k < images; k++) {
                    transpose(stored, k * PIXELS, upright, (first + k) * PIXELS);
                }
            }
            return new Content(count, upright);
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    /** Reads only the header of an image file: the number of images it declares. */
    static int readImageCount(InputStream in, String name) throws IOException {
        try {
            return imageHeader(new DataInputStream(in), name);
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    private static int imageHeader(DataInputStream data, String name) throws IOException {
        expectMagic(data, IMAGES_MAGIC, name);
        int count = data.readInt();
        int rows = data.readInt();
        int columns = data.readInt();
        if (rows != SIDE || columns != SIDE) {
            throw new DataFormatException(name + ": images are " + rows + "x" + columns + ", expected 28x28");
        }
        return checkedCount(count, PIXELS, name);
    }

    /** Reads up to {@code limit} labels. */
    static Content readLabels(InputStream in, String name, int limit) throws IOException {
        try {
            DataInputStream data = new DataInputStream(in);
            expectMagic(data, LABELS_MAGIC, name);
            int count = data.readInt();
            byte[] labels = new byte[Math.min(checkedCount(count, 1, name), limit)];
            data.readFully(labels);
            return new Content(count, labels);
        } catch (EOFException e) {
            throw truncated(name, e);
        } catch (ZipException e) {
            throw corrupt(name, e);
        }
    }

    private static void transpose(byte[] src, int srcOffset, byte[] dst, int dstOffset) {
        for (int row = 0; row < SIDE; row++) {
            for (int column = 0; column < SIDE; column++) {
                dst[dstOffset + row * SIDE + column] = src[srcOffset + column * SIDE + row];
            }
        }
    }

    private static void expectMagic(DataInputStream data, int expected, String name) throws IOException {
        int magic = data.readInt();
        if (magic != expected) {
            throw new DataFormatException(String.format(
                    "%s: not an IDX %s file (magic number %d, expected %d)",
                    name, expected == IMAGES_MAGIC ? "image" : "label", magic, expected));
        }
    }

    /** Rejects counts that cannot be held in one Java array (or are negative: a corrupt header). */
    private static int checkedCount(int count, int bytesEach, String name) {
        if (count < 0 || (long) count * bytesEach > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(name + ": implausible item count " + Integer.toUnsignedString(count));
        }
        return count;
    }

    /**
     * The bytes for {@code images} images, refused when they cannot fit in the heap: a header is
     * only a claim, and a few compressed bytes can claim gigabytes (the data that would back them
     * is read only afterwards).
     */
    private static int affordable(int images, String name) {
        long bytes = (long) images * PIXELS;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (bytes > available) {
            throw new DataFormatException(String.format(java.util.Locale.ROOT,
                    "%s: its header declares %,d images (%,d MB), more than the %,d MB of memory available;"
                            + " if the file is not damaged, give Java a larger heap (e.g. HCR_JAVA_OPTS=-Xmx4g)",
                    name, images, bytes >> 20, available >> 20));
        }
        return (int) bytes;
    }

    private static DataFormatException truncated(String name, EOFException e) {
        return new DataFormatException(name + ": file is truncated (ended before the count in its header);"
                + " download it again", e);
    }

    private static DataFormatException corrupt(String name, ZipException e) {
        return new DataFormatException(name + ": corrupt compressed data (" + e.getMessage() + "); download it again", e);
    }
}
