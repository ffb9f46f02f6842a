package hcr.spark;

import hcr.image.PictureFile;
import hcr.image.UnreadableImageException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;

/**
 * Reads pictures through Hadoop's file systems (hdfs:, s3a:, ...), with the driver's Hadoop
 * settings, and local files ({@code file:}) straight from the disk. Files larger than
 * {@code maxBytes} are refused before a byte is read: a task holds each picture in memory, and one
 * huge file must not take an executor down.
 *
 * <p>Hadoop's local file system costs more per small picture than decoding it (measured with JFR
 * on 100,000 28x28 PNGs: half of a task's time): a second status call inside {@code open}, a 64 KB
 * stream buffer allocated per file ({@code io.file.buffer.size} as Spark sets it), path parsing,
 * and per-stream I/O statistics merged on the common fork-join pool at every close.
 */
final class HadoopPictureReader implements PictureReader {
    private final Map<String, String> hadoopSettings;
    private final long maxBytes;
    private transient Configuration conf;
    private transient FileSystem last;

    HadoopPictureReader(Map<String, String> hadoopSettings, long maxBytes) {
        this.hadoopSettings = hadoopSettings;
        this.maxBytes = maxBytes;
    }

    static Map<String, String> settingsOf(Configuration conf) {
        Map<String, String> copy = new HashMap<>();
        conf.forEach(e -> copy.put(e.getKey(), e.getValue()));
        return copy;
    }

    static Configuration configuration(Map<String, String> settings) {
        Configuration conf = new Configuration(false);
        settings.forEach(conf::set);
        return conf;
    }

    @Override
    public byte[] read(String uri) {
        URI location = URI.create(uri);
        if ("file".equals(location.getScheme()) && location.getAuthority() == null) {
            return readLocal(java.nio.file.Path.of(location));
        }
        Path path = new Path(location);
        try {
            FileSystem fs = fileSystem(path);
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                throw UnreadableImageException.directory();
            }
            long length = status.getLen();
            if (length == 0) {
                throw UnreadableImageException.emptyFile();
            }
            checkSize(length);
            byte[] bytes = new byte[(int) length];
            try (InputStream in = fs.open(path)) {
                readExactly(in, bytes);
            }
            return bytes;
        } catch (FileNotFoundException e) {
            // The local file system reports an unreadable file as not found, with this message.
            String message = String.valueOf(e.getMessage());
            throw message.contains("Permission denied") ? UnreadableImageException.notReadable(e)
                    : UnreadableImageException.noSuchFile(e);
        } catch (AccessControlException e) {
            throw UnreadableImageException.notReadable(e);
        } catch (IOException e) {
            throw UnreadableImageException.cannotRead(e);
        }
    }

    /** As {@code hcr infer}'s decoder reads a local file, in its words. */
    private byte[] readLocal(java.nio.file.Path file) {
        long length = PictureFile.sizeOf(file);
        checkSize(length);
        byte[] bytes = new byte[(int) length];
        try (InputStream in = Files.newInputStream(file)) {
            readExactly(in, bytes);
            return bytes;
        } catch (NoSuchFileException e) {
            throw UnreadableImageException.noSuchFile(e); // removed after its size was read
        } catch (AccessDeniedException e) {
            throw UnreadableImageException.notReadable(e);
        } catch (IOException e) {
            throw UnreadableImageException.cannotRead(e);
        }
    }

    private void checkSize(long length) {
        if (length > maxBytes) {
            throw new UnreadableImageException(String.format(Locale.ROOT,
                    "file too large for the Spark job: %,d bytes, the limit is %,d (--max-file-bytes)",
                    length, maxBytes));
        }
    }

    private static void readExactly(InputStream in, byte[] bytes) throws IOException {
        int read = in.readNBytes(bytes, 0, bytes.length);
        if (read < bytes.length || in.read() >= 0) {
            throw new UnreadableImageException("file changed while it was read");
        }
    }

    /** One file system client per task (and Hadoop's cache across tasks): never one per picture. */
    private FileSystem fileSystem(Path path) throws IOException {
        if (last == null || !sameStore(last.getUri(), path.toUri())) {
            if (conf == null) {
                conf = configuration(hadoopSettings);
            }
            FileSystem fs = FileSystem.get(path.toUri(), conf);
            // Local files without the .crc side-file lookups of Hadoop's checksummed wrapper.
            last = fs instanceof LocalFileSystem checked ? checked.getRawFileSystem() : fs;
        }
        return last;
    }

    private static boolean sameStore(URI a, URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme())
                && java.util.Objects.equals(a.getAuthority(), b.getAuthority());
    }
}
