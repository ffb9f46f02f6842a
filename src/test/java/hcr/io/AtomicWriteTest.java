package hcr.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheFileOnlyWhenTheNewContentIsComplete() throws IOException {
        Path file = Files.writeString(dir.resolve("report.json"), "old");

        assertThatThrownBy(() -> AtomicWrite.write(file, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("old");
        assertThat(listing()).as("no temporary file left behind").containsExactly(file);

        AtomicWrite.write(file, out -> out.write("new".getBytes()));
        assertThat(file).hasContent("new");
        assertThat(listing()).containsExactly(file);
    }

    @Test
    void writesFilesOthersCanRead() throws IOException {
        Path file = dir.resolve("sub/card.json");
        AtomicWrite.write(file, out -> out.write('{'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void aDirectoryIsReplacedWholeAndTheOldOneRemoved() throws IOException {
        Path target = Files.createDirectories(dir.resolve("model"));
        Files.writeString(target.resolve("old.txt"), "old");
        Path fresh = Files.createDirectories(dir.resolve(".model.fresh"));
        Files.writeString(fresh.resolve("new.txt"), "new");

        FileTrees.replace(fresh, target);

        assertThat(target.resolve("new.txt")).hasContent("new");
        assertThat(target.resolve("old.txt")).doesNotExist();
        assertThat(listing()).as("the old tree is gone, not left aside").containsExactly(target);
    }

    private java.util.List<Path> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }
}
