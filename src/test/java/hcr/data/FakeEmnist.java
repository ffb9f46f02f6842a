package hcr.data;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small EMNIST look-alikes for tests: the files NIST would publish for an {@link ImageSet}, laid
 * out as a directory or a zip with a {@code gzip/} folder (NIST's gzip.zip, the emnist Python cache).
 * Public so tests of other packages can build a data source.
 */
public final class FakeEmnist {
    private FakeEmnist() {
    }

    /** {@code count} random images with labels cycling through the 62 ByClass classes. */
    public static ImageSet randomByClass(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * ImageSet.PIXELS];
        random.nextBytes(pixels);
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 62);
        }
        return ImageSet.wrap(pixels, labels, LabelMap.byClass());
    }

    /** File name → bytes of the image, label and mapping files of one part, gzipped or raw. */
    public static Map<String, byte[]> files(String split, Part part, ImageSet set, boolean gzipped) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        String suffix = gzipped ? ".gz" : "";
        files.put(EmnistFiles.images(split, part) + suffix, maybeGzip(IdxWriter.images(set), gzipped));
        files.put(EmnistFiles.labels(split, part) + suffix, maybeGzip(IdxWriter.labels(set), gzipped));
        files.put(EmnistFiles.mapping(split), IdxWriter.mapping(set.labelMap()));
        return files;
    }

    public static Path writeDirectory(Path directory, Map<String, byte[]> files) {
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(directory.resolve(file.getKey()), file.getValue());
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip with every file under {@code folder} (e.g. "gzip/", as in NIST's archive). */
    public static Path writeZip(Path zip, String folder, Map<String, byte[]> files) {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zipOut.putNextEntry(new ZipEntry(folder + file.getKey()));
                zipOut.write(file.getValue());
                zipOut.closeEntry();
            }
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] maybeGzip(byte[] raw, boolean gzipped) {
        return gzipped ? IdxWriter.gzip(raw) : raw;
    }
}
