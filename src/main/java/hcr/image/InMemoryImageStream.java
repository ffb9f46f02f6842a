package hcr.image;

import java.nio.ByteBuffer;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A whole picture file in memory, as an {@link javax.imageio.stream.ImageInputStream} that gives up
 * on readers which keep reading past its end. Some decoders (TwelveMonkeys' lossless WebP among
 * them) treat end-of-file as padding and go on decoding a damaged frame, one exception per bit:
 * minutes of CPU that no interrupt stops. Well-formed pictures reach the end a handful of times.
 * The bytes may sit in a Java array or in native memory (a file read straight into a direct buffer).
 */
final class InMemoryImageStream extends ImageInputStreamImpl {
    /** Reads past the end tolerated before the picture is declared truncated. */
    static final int MAX_READS_PAST_END = 4096;

    /** The picture from index 0 to its limit; only absolute gets are used, so its position never moves. */
    private final ByteBuffer data;
    private final int length;
    private int readsPastEnd;

    InMemoryImageStream(byte[] data) {
        this(ByteBuffer.wrap(data));
    }

    /** The bytes from index 0 to {@code data}'s limit. */
    InMemoryImageStream(ByteBuffer data) {
        this.data = data;
        this.length = data.limit();
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= length) {
            return pastEnd();
        }
        return data.get((int) streamPos++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return pastEnd();
        }
        int n = (int) Math.min(len, length - streamPos);
        data.get((int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    private int pastEnd() {
        if (++readsPastEnd > MAX_READS_PAST_END) {
            throw new UnreadableImageException("truncated or corrupt image (the decoder kept reading past the end)");
        }
        return -1;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
