package hcr.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Random;

/**
 * Writes a file through a temporary sibling and a rename, so a reader (or a crash) sees either the
 * old content or the complete new one, never half a file; the old file stays until the new one is
 * complete. Shared by every package that writes user-visible files.
 */
public final class AtomicWrite {
    /** What goes into the file. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Random RANDOM = new SecureRandom();

    private AtomicWrite() {
    }

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A unique temporary name: two writers of the same target never share a half-written file.
        Path tmp = temporarySibling(target);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                body.writeTo(out);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Renames within one directory: atomic wherever the file system allows it. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A new, empty, hidden file beside {@code target} with a unique name, created with the user's
     * umask like any file a program writes (0644 under umask 022). Files.createTempFile would make it
     * owner-only (0600), and the rename would carry that onto the published file.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + target.getFileName() + "."
                    + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }
}
