package hcr.image;

import java.io.IOException;

/**
 * The file holds no decodable picture: missing, a directory, unreadable, empty, truncated,
 * corrupt, not an image at all, or more pixels than the decoder is allowed to allocate.
 *
 * <p>The file-level reasons have factories so that a door reading files from elsewhere (the Spark
 * job's Hadoop file systems) reports them in the same words as the decoder reading local files.
 */
public final class UnreadableImageException extends ImageRejectedException {
    public UnreadableImageException(String reason) {
        super(reason);
    }

    public UnreadableImageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public static UnreadableImageException directory() {
        return new UnreadableImageException("is a directory, not an image file");
    }

    public static UnreadableImageException emptyFile() {
        return new UnreadableImageException("empty file (0 bytes)");
    }

    public static UnreadableImageException noSuchFile(Throwable cause) {
        return new UnreadableImageException("no such file", cause);
    }

    public static UnreadableImageException notReadable(Throwable cause) {
        return new UnreadableImageException("not readable (permission denied)", cause);
    }

    public static UnreadableImageException cannotRead(IOException cause) {
        return new UnreadableImageException("cannot read the file (" + ImageDecoder.describe(cause) + ")", cause);
    }
}
