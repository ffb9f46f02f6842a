package hcr.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Where EMNIST files are: a directory, or a zip holding them under {@code gzip/} (NIST's gzip.zip,
 * and the {@code emnist} Python package's {@code ~/.cache/emnist/emnist.zip}, which is the same
 * download). Files are streamed and decompressed on the fly, never unpacked to disk.
 */
abstract class EmnistSource implements Closeable {
    private static final int BUFFER = 1 << 16;

    static EmnistSource open(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new DirectorySource(path);
        }
        if (Files.isRegularFile(path)) {
            return new ZipSource(path);
        }
        throw new DataNotFoundException("no EMNIST data at " + path
                + ": run `hcr data download`, or pass a directory or zip holding emnist-*-ubyte.gz files");
    }

    /** What the user named, for messages. */
    abstract Path location();

    /** File names (without directories) this source holds. */
    abstract Set<String> fileNames() throws IOException;

    /** The raw bytes of the named file, or empty if absent. */
    abstract Optional<InputStream> openRaw(String fileName) throws IOException;

    /** Whether {@code baseName} is present, gzipped or raw. */
    boolean has(String baseName) throws IOException {
        Set<String> names = fileNames();
        return names.contains(baseName + ".gz") || names.contains(baseName);
    }

    /**
     * Opens {@code baseName} decompressed, preferring NIST's {@code .gz} over a raw copy. Whether to
     * inflate is decided by the gzip magic bytes, not the name, so a misnamed file still reads.
     */
    InputStream open(String baseName) throws IOException {
        Optional<InputStream> raw = openRaw(baseName + ".gz");
        if (raw.isEmpty()) {
            raw = openRaw(baseName);
        }
        if (raw.isEmpty()) {
            throw new DataNotFoundException(baseName + "[.gz] is not in " + location()
                    + ": run `hcr data download` for NIST's full EMNIST, or point --data at a directory or zip that has it");
        }
        BufferedInputStream in = new BufferedInputStream(raw.get(), BUFFER);
        return isGzip(in) ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }
}
