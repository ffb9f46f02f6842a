package hcr.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** The checks every door makes on a local picture file before reading it, in one set of words. */
public final class PictureFile {
    private PictureFile() {
    }

    /**
     * The file's size in bytes, once it is known to exist, to be a regular file and not to be empty.
     *
     * @throws UnreadableImageException when it is missing, a directory, a FIFO, socket or device, or empty
     */
    public static long sizeOf(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw UnreadableImageException.noSuchFile(e);
        } catch (IOException e) {
            throw UnreadableImageException.cannotRead(e);
        }
        if (attributes.isDirectory()) {
            throw UnreadableImageException.directory();
        }
        if (!attributes.isRegularFile()) {
            // A FIFO or device reports size 0 and would block or never end: not something to decode.
            throw new UnreadableImageException("not a regular file (a FIFO, socket or device), not an image file");
        }
        if (attributes.size() == 0) {
            throw UnreadableImageException.emptyFile();
        }
        return attributes.size();
    }
}
