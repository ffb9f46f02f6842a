package hcr.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * EMNIST files inside a zip, found by file name whatever folder holds them ({@code gzip/} in NIST's
 * archive). Entries are streamed; an entry whose name climbs out with {@code ..} or is absolute
 * marks a hostile archive ("zip slip") and is refused even though nothing is unpacked.
 */
final class ZipSource extends EmnistSource {
    private final Path path;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entriesByFileName = new TreeMap<>();

    ZipSource(Path path) throws IOException {
        this.path = path;
        try {
            this.zip = new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new DataFormatException(path + " is not a readable zip archive (" + e.getMessage()
                    + "); if it is a partial download, run `hcr data download` again", e);
        }
        try {
            index();
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private void index() {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            String name = entry.getName();
            if (isUnsafe(name)) {
                throw new DataFormatException(path + ": refusing zip entry \"" + name
                        + "\" (a path outside the archive); the file is damaged or not NIST's");
            }
            if (!entry.isDirectory()) {
                entriesByFileName.put(name.substring(name.lastIndexOf('/') + 1), entry);
            }
        }
    }

    static boolean isUnsafe(String entryName) {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    @Override
    Path location() {
        return path;
    }

    @Override
    Set<String> fileNames() {
        return Collections.unmodifiableSet(entriesByFileName.keySet());
    }

    @Override
    Optional<InputStream> openRaw(String fileName) throws IOException {
        ZipEntry entry = entriesByFileName.get(fileName);
        return entry == null ? Optional.empty() : Optional.of(zip.getInputStream(entry));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
