package hcr.image;

/**
 * The file holds no decodable picture: missing, a directory, unreadable, empty, truncated,
 * corrupt, not an image at all, or more pixels than the decoder is allowed to allocate.
 */
public final class UnreadableImageException extends ImageRejectedException {
    public UnreadableImageException(String reason) {
        super(reason);
    }

    public UnreadableImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
