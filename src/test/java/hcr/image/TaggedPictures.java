package hcr.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * Grey pictures encoded with an EXIF orientation tag where each format keeps it: a JPEG's APP1
 * segment, a PNG's {@code eXIf} chunk, a WebP's EXIF chunk, a TIFF's own tag 274. Built byte by
 * byte, because ImageIO writes none of these tags (and no WebP at all).
 */
final class TaggedPictures {
    private TaggedPictures() {
    }

    enum Format {
        JPEG("jpg"), PNG("png"), WEBP("webp"), TIFF("tif");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    /** {@code picture} (TYPE_BYTE_GRAY) in {@code format}, tagged with {@code orientation} (1-8). */
    static byte[] encode(BufferedImage picture, Format format, int orientation) {
        try {
            return switch (format) {
                case JPEG -> jpeg(Renderings.jpegBytes(picture, 1f), orientation);
                case PNG -> png(imageIo(picture, "png"), orientation);
                case WEBP -> webp(picture, orientation);
                case TIFF -> tiff(picture, orientation);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The smallest EXIF block: a big-endian TIFF header and one directory holding only the orientation. */
    static byte[] exif(int orientation) {
        return ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0).array();
    }

    /** Inserts an APP1 Exif segment right after the JPEG's SOI marker. */
    static byte[] jpeg(byte[] jpeg, int orientation) {
        byte[] exif = exif(orientation);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + header.length + exif.length;
        return ByteBuffer.allocate(jpeg.length + 2 + length)
                .put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(exif)
                .put(jpeg, 2, jpeg.length - 2).array();
    }

    /** Inserts an eXIf chunk right after IHDR (8-byte signature, then 25 bytes of IHDR chunk). */
    static byte[] png(byte[] png, int orientation) {
        byte[] chunk = pngChunk("eXIf", exif(orientation));
        return ByteBuffer.allocate(png.length + chunk.length).put(png, 0, 33).put(chunk).put(png, 33, png.length - 33).array();
    }

    private static byte[] pngChunk(String type, byte[] data) {
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        return chunk.putInt((int) crc.getValue()).array();
    }

    /** An uncompressed 8-bit grey TIFF in one strip. */
    static byte[] tiff(BufferedImage picture, int orientation) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int entries = 9;
        int pixelsAt = 8 + 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(pixelsAt + w * h).order(ByteOrder.BIG_ENDIAN);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8).putShort((short) entries);
        tiffShort(tiff, 256, w); // ImageWidth
        tiffShort(tiff, 257, h); // ImageLength
        tiffShort(tiff, 258, 8); // BitsPerSample
        tiffShort(tiff, 259, 1); // Compression: none
        tiffShort(tiff, 262, 1); // PhotometricInterpretation: black is zero
        tiffLong(tiff, 273, pixelsAt); // StripOffsets
        tiffShort(tiff, 274, orientation);
        tiffShort(tiff, 278, h); // RowsPerStrip
        tiffLong(tiff, 279, w * h); // StripByteCounts
        tiff.putInt(0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                tiff.put((byte) picture.getRaster().getSample(x, y, 0));
            }
        }
        return tiff.array();
    }

    private static void tiffShort(ByteBuffer tiff, int tag, int value) {
        tiff.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort((short) 0);
    }

    private static void tiffLong(ByteBuffer tiff, int tag, int value) {
        tiff.putShort((short) tag).putShort((short) 4).putInt(1).putInt(value);
    }

    /**
     * An extended WebP (VP8X, then a lossless VP8L frame, then an EXIF chunk) of a picture whose
     * pixels are all black or white. The frame uses the simplest lossless coding: no transforms,
     * no colour cache, and one-bit prefix codes for green, red and blue (symbols 0 and 255).
     */
    static byte[] webp(BufferedImage picture, int orientation) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        riffChunk(chunks, "VP8X", vp8x(0x08, picture.getWidth(), picture.getHeight())); // flags: EXIF present
        riffChunk(chunks, "VP8L", vp8l(picture));
        riffChunk(chunks, "EXIF", exif(orientation));
        return riff(chunks.toByteArray());
    }

    /** An animated WebP: VP8X, ANIM, then one ANMF chunk per frame, each a full-canvas lossless frame. */
    static byte[] animatedWebp(BufferedImage... frames) {
        int w = frames[0].getWidth();
        int h = frames[0].getHeight();
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        riffChunk(chunks, "VP8X", vp8x(0x02, w, h)); // flags: animation
        riffChunk(chunks, "ANIM", new byte[] {-1, -1, -1, -1, 0, 0}); // white background, loop forever
        for (BufferedImage frame : frames) {
            ByteArrayOutputStream anmf = new ByteArrayOutputStream();
            anmf.writeBytes(new byte[6]); // x and y offsets: 0
            anmf.writeBytes(uint24(w - 1));
            anmf.writeBytes(uint24(h - 1));
            anmf.writeBytes(uint24(100)); // duration in ms
            anmf.write(0); // flags: blend, no dispose
            riffChunk(anmf, "VP8L", vp8l(frame));
            riffChunk(chunks, "ANMF", anmf.toByteArray());
        }
        return riff(chunks.toByteArray());
    }

    private static byte[] vp8x(int flags, int w, int h) {
        ByteArrayOutputStream vp8x = new ByteArrayOutputStream();
        vp8x.write(flags);
        vp8x.writeBytes(new byte[3]);
        vp8x.writeBytes(uint24(w - 1));
        vp8x.writeBytes(uint24(h - 1));
        return vp8x.toByteArray();
    }

    private static byte[] uint24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }

    private static byte[] riff(byte[] body) {
        return ByteBuffer.allocate(12 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.ISO_8859_1)).putInt(4 + body.length)
                .put("WEBP".getBytes(StandardCharsets.ISO_8859_1)).put(body).array();
    }

    /** A VP8L bitstream of a black-and-white picture (see {@link #webp}). */
    private static byte[] vp8l(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        Bits bits = new Bits();
        bits.write(0x2f, 8).write(w - 1, 14).write(h - 1, 14).write(0, 1).write(0, 3); // signature, size, no alpha, version 0
        bits.write(0, 1).write(0, 1).write(0, 1); // no transform, no colour cache, no meta prefix codes
        for (int channel = 0; channel < 3; channel++) { // green, red, blue: two symbols, 0 and 255
            bits.write(1, 1).write(1, 1).write(1, 1).write(0, 8).write(255, 8);
        }
        bits.write(1, 1).write(0, 1).write(1, 1).write(255, 8); // alpha: always 255
        bits.write(1, 1).write(0, 1).write(0, 1).write(0, 1); // distance: unused
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int white = picture.getRaster().getSample(x, y, 0) >= 128 ? 1 : 0;
                bits.write(white, 1).write(white, 1).write(white, 1);
            }
        }
        return bits.bytes();
    }

    private static void riffChunk(ByteArrayOutputStream out, String type, byte[] data) {
        ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        header.put(type.getBytes(StandardCharsets.ISO_8859_1)).putInt(data.length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] imageIo(BufferedImage picture, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(picture, format, bytes);
        return bytes.toByteArray();
    }

    /** VP8L's bit order: each value least significant bit first, bytes filled from their lowest bit. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        Bits write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
            return this;
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }
}
