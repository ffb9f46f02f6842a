package hcr.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** EMNIST files lying in one directory (as NIST's zip unpacks, or ../shared/emnist). */
final class DirectorySource extends EmnistSource {
    private final Path directory;

    DirectorySource(Path directory) {
        this.directory = directory;
    }

    @Override
    Path location() {
        return directory;
    }

    @Override
    Set<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            Set<String> names = new TreeSet<>();
            files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
            return names;
        }
    }

    @Override
    Optional<InputStream> openRaw(String fileName) throws IOException {
        Path file = directory.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public void close() {
        // nothing held open between reads
    }
}
