package hcr.engine;

import hcr.io.AtomicWrite;
import hcr.io.OsReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A text file that appears whole or not at all: it is written to a temporary file in the target's
 * own directory (so the final rename stays on one file system and is atomic) and renamed over
 * the target only on {@link #commit}. Closing without committing deletes the temporary file and
 * leaves any existing target untouched.
 */
final class AtomicFile implements ResultTarget {
    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean done;

    AtomicFile(Path target) {
        this.target = target;
        try {
            Path dir = target.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                throw new OutputException("output directory not found: " + dir, null);
            }
            temp = AtomicWrite.temporarySibling(target);
            // Also covers Ctrl-C: shutdown hooks delete what was never renamed.
            temp.toFile().deleteOnExit();
            writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + OsReason.of(e), e);
        }
    }

    @Override
    public Writer writer() {
        return writer;
    }

    @Override
    public String name() {
        return target.toString();
    }

    @Override
    public void commit() {
        try {
            writer.close();
            AtomicWrite.move(temp, target);
            done = true;
        } catch (NoSuchFileException e) {
            throw new OutputException("cannot write " + target + ": its directory was removed during the run", e);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + OsReason.of(e), e);
        } catch (UncheckedIOException e) {
            throw new OutputException("cannot write " + target + ": " + OsReason.of(e.getCause()), e);
        }
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            try {
                writer.close();
            } catch (IOException e) {
                // A full disk fails the final flush too; the file goes all the same.
            }
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing was promised about the temporary file beyond best effort.
            }
        }
    }
}
