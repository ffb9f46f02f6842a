package hcr.image;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A whole picture file in memory, as an {@link javax.imageio.stream.ImageInputStream} that gives up
 * on readers which keep reading past its end. Some decoders (TwelveMonkeys' lossless WebP among
 * them) treat end-of-file as padding and go on decoding a damaged frame, one exception per bit:
 * minutes of CPU that no interrupt stops. Well-formed pictures reach the end a handful of times.
 */
final class InMemoryImageStream extends ImageInputStreamImpl {
    /** Reads past the end tolerated before the picture is declared truncated. */
    static final int MAX_READS_PAST_END = 4096;

    private final byte[] data;
    private int readsPastEnd;

    InMemoryImageStream(byte[] data) {
        this.data = data;
    }

    @Override
    public int read() {
        bitOffset = 0;
        if (streamPos >= data.length) {
            return pastEnd();
        }
        return data[(int) streamPos++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= data.length) {
            return pastEnd();
        }
        int n = (int) Math.min(len, data.length - streamPos);
        System.arraycopy(data, (int) streamPos, b, off, n);
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
        return data.length;
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
