package hcr.image;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the decoder needs from a WebP file's chunks besides what the WebP reader reports: the
 * largest frame the file declares, and its EXIF block (for the orientation: the reader drops it).
 *
 * <p>The frames: the reader reports the canvas size but sizes its work from each VP8/VP8L frame
 * header, unchecked against the canvas: a 90-byte file whose canvas says 1x1 and whose frame says
 * 15000x13000 made it allocate gigabytes. So the decoder checks the frames' sizes too. Reads only
 * chunk headers, skipping their data, except the EXIF chunk's.
 *
 * @param exif the EXIF chunk's bytes, null when there is none (or it is larger than an EXIF block can sensibly be)
 */
record WebpChunks(long largestFramePixels, byte[] exif) {
    private static final int[] VP8_START_CODE = {0x9d, 0x01, 0x2a};
    private static final int VP8L_SIGNATURE = 0x2f;
    /** An animation frame's own header before its image chunks: offsets, size, duration, flags. */
    private static final int ANMF_HEADER = 16;
    /** A JPEG's EXIF segment holds at most 64 KB; a larger chunk is not read into memory. */
    private static final long MAX_EXIF = 1 << 20;

    static WebpChunks of(Path file) throws IOException {
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
            return of(in);
        }
    }

    static WebpChunks of(byte[] picture) throws IOException {
        return of(new BytesChannel(picture));
    }

    private static WebpChunks of(SeekableByteChannel in) throws IOException {
        ByteBuffer riff = read(in, 12);
        if (!fourCc(riff, 0).equals("RIFF") || !fourCc(riff, 8).equals("WEBP")) {
            throw corrupt("not a RIFF WEBP container");
        }
        Scan scan = new Scan();
        scan.chunks(in, 12, in.size());
        return new WebpChunks(scan.largest, scan.exif);
    }

    /** One walk over the chunks, into animation frames too. */
    private static final class Scan {
        private long largest;
        private byte[] exif;

        void chunks(SeekableByteChannel in, long from, long end) throws IOException {
            long at = from;
            while (at + 8 <= end) {
                in.position(at);
                ByteBuffer header = read(in, 8);
                String type = fourCc(header, 0);
                long size = header.getInt(4) & 0xFFFF_FFFFL;
                switch (type) {
                    case "VP8 " -> largest = Math.max(largest, lossyFramePixels(read(in, 10)));
                    case "VP8L" -> largest = Math.max(largest, losslessFramePixels(read(in, 5)));
                    case "ANMF" -> chunks(in, at + 8 + ANMF_HEADER, Math.min(end, at + 8 + size));
                    case "EXIF" -> {
                        if (exif == null && size <= MAX_EXIF && at + 8 + size <= end) { // a cut-off one is ignored
                            exif = read(in, (int) size).array();
                        }
                    }
                    default -> { }
                }
                at += 8 + size + (size & 1); // chunks are padded to an even length
            }
        }
    }

    private static long lossyFramePixels(ByteBuffer frame) {
        for (int i = 0; i < VP8_START_CODE.length; i++) {
            if ((frame.get(3 + i) & 0xFF) != VP8_START_CODE[i]) {
                throw corrupt("VP8 frame without its start code");
            }
        }
        long width = frame.getShort(6) & 0x3FFF;
        long height = frame.getShort(8) & 0x3FFF;
        return width * height;
    }

    private static long losslessFramePixels(ByteBuffer frame) {
        if ((frame.get(0) & 0xFF) != VP8L_SIGNATURE) {
            throw corrupt("VP8L frame without its signature");
        }
        int bits = frame.getInt(1);
        long width = 1 + (bits & 0x3FFF);
        long height = 1 + ((bits >>> 14) & 0x3FFF);
        return width * height;
    }

    private static ByteBuffer read(SeekableByteChannel in, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                throw new EOFException("WEBP chunk cut short");
            }
        }
        return buffer.flip();
    }

    private static String fourCc(ByteBuffer buffer, int at) {
        byte[] bytes = new byte[4];
        buffer.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static UnreadableImageException corrupt(String what) {
        return new UnreadableImageException("corrupt WEBP header (" + what + ")");
    }

    /** A read-only channel over bytes already in memory (the JDK has none). */
    private static final class BytesChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private long position;

        BytesChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
