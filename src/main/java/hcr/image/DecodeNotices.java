package hcr.image;

/**
 * Where the decoder tells what a user should know about a picture it still used: today, that a
 * multi-page TIFF or an animated GIF or WebP had more than the first page, which alone is read.
 * Called on the decoding thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface DecodeNotices {
    DecodeNotices IGNORE = (picture, notice) -> { };

    /**
     * @param picture the file as the caller named it, or {@code "picture"} for bytes in memory
     * @param notice  a short sentence, e.g. {@code "3 pages; only the first is read"}
     */
    void notice(String picture, String notice);
}
