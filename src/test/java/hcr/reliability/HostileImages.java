package hcr.reliability;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Damaged and hostile picture files: a valid picture of each supported format, then one kind of
 * damage applied with a seeded random source, so any failing file can be rebuilt from its
 * {@link Hostile} record alone.
 */
final class HostileImages {

    enum Format {
        PNG("png"), JPEG("jpg"), GIF("gif"), BMP("bmp"), TIFF("tif"), WEBP_LOSSY("webp"), WEBP_LOSSLESS("webp"),
        WEBP_EXTENDED("webp");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    enum Damage {
        NONE, BIT_FLIPS, TRUNCATION, HUGE_DIMENSIONS, OVERWRITTEN_RUN, WRONG_EXTENSION
    }

    /** One hostile file: which picture, what was done to it, the dice, and the name it is given. */
    record Hostile(Format format, Damage damage, long seed) {
        byte[] bytes() {
            Random random = new Random(seed);
            byte[] original = SEEDS.get(format);
            return switch (damage) {
                case NONE, WRONG_EXTENSION -> original.clone();
                case BIT_FLIPS -> flipBits(original, 1 + random.nextInt(24), random);
                case TRUNCATION -> Arrays.copyOf(original, random.nextInt(original.length));
                case HUGE_DIMENSIONS -> Dimensions.claim(format, original, random);
                case OVERWRITTEN_RUN -> overwriteRun(original, random);
            };
        }

        String extension() {
            if (damage != Damage.WRONG_EXTENSION) {
                return format.extension;
            }
            List<String> others = Arrays.stream(Format.values()).map(f -> f.extension)
                    .filter(e -> !e.equals(format.extension)).distinct().toList();
            return others.get(new Random(seed).nextInt(others.size()));
        }
    }

    // 1x1 WebP files (the usual feature-detection samples): ImageIO cannot write WebP.
    private static final String WEBP_LOSSY = "UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA";
    private static final String WEBP_LOSSLESS = "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==";
    private static final String WEBP_EXTENDED = "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==";

    static final Map<Format, byte[]> SEEDS = seeds();

    private HostileImages() {
    }

    private static Map<Format, byte[]> seeds() {
        BufferedImage glyph = glyph(40);
        Map<Format, byte[]> seeds = new EnumMap<>(Format.class);
        seeds.put(Format.PNG, write(glyph, "png"));
        seeds.put(Format.JPEG, write(glyph, "jpeg"));
        seeds.put(Format.GIF, write(glyph, "gif"));
        seeds.put(Format.BMP, write(glyph, "bmp"));
        seeds.put(Format.TIFF, write(glyph, "tiff"));
        seeds.put(Format.WEBP_LOSSY, Base64.getDecoder().decode(WEBP_LOSSY));
        seeds.put(Format.WEBP_LOSSLESS, Base64.getDecoder().decode(WEBP_LOSSLESS));
        seeds.put(Format.WEBP_EXTENDED, Base64.getDecoder().decode(WEBP_EXTENDED));
        return seeds;
    }

    /** A dark diagonal stroke on white paper: decodes to a prediction when undamaged. */
    static BufferedImage glyph(int side) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(side / 8f));
        g.drawLine(side / 4, side / 5, side * 3 / 4, side * 4 / 5);
        g.dispose();
        return image;
    }

    static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] flipBits(byte[] original, int flips, Random random) {
        byte[] bytes = original.clone();
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return bytes;
    }

    /** A run of 0x00, 0xFF or random bytes over part of the file, as a bad sector or a stray write leaves. */
    private static byte[] overwriteRun(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int start = random.nextInt(bytes.length);
        int end = Math.min(bytes.length, start + 1 + random.nextInt(64));
        int kind = random.nextInt(3);
        for (int i = start; i < end; i++) {
            bytes[i] = switch (kind) {
                case 0 -> 0;
                case 1 -> (byte) 0xFF;
                default -> (byte) random.nextInt(256);
            };
        }
        return bytes;
    }

    /** Where each format keeps its width and height, and claims that the picture is enormous (or empty). */
    static final class Dimensions {
        /** Zero, small, just under and far over the decoder's 50-megapixel limit, and the field's maximum. */
        private static final long[] CLAIMS = {0, 1, 7000, 9000, 16_384, 65_535, 1L << 24, 0x7FFF_FFFFL, 0xFFFF_FFFFL};

        private Dimensions() {
        }

        static byte[] claim(Format format, byte[] original, Random random) {
            return claim(format, original, CLAIMS[random.nextInt(CLAIMS.length)], CLAIMS[random.nextInt(CLAIMS.length)]);
        }

        /** The format's seed picture, unchanged but for the width and height in its header. */
        static byte[] claim(Format format, long w, long h) {
            return claim(format, SEEDS.get(format), w, h);
        }

        private static byte[] claim(Format format, byte[] original, long w, long h) {
            byte[] b = original.clone();
            switch (format) {
                case PNG -> { // IHDR right after the 8-byte signature and the chunk's length and type
                    putBigEndian(b, 16, 4, w);
                    putBigEndian(b, 20, 4, h);
                }
                case JPEG -> {
                    int sof = jpegFrameHeader(b);
                    putBigEndian(b, sof + 5, 2, h);
                    putBigEndian(b, sof + 7, 2, w);
                }
                case GIF -> { // the logical screen, then the first image descriptor
                    putLittleEndian(b, 6, 2, w);
                    putLittleEndian(b, 8, 2, h);
                    int descriptor = gifImageDescriptor(b);
                    putLittleEndian(b, descriptor + 5, 2, w);
                    putLittleEndian(b, descriptor + 7, 2, h);
                }
                case BMP -> {
                    putLittleEndian(b, 18, 4, w);
                    putLittleEndian(b, 22, 4, h);
                }
                case TIFF -> tiffDimensions(b, w, h);
                case WEBP_LOSSY -> { // 14 bits each after the VP8 start code 9d 01 2a
                    putLittleEndian(b, 26, 2, w & 0x3FFF);
                    putLittleEndian(b, 28, 2, h & 0x3FFF);
                }
                case WEBP_LOSSLESS -> // after the 0x2f signature: 14 bits width-1, 14 bits height-1
                        putLittleEndian(b, 21, 4, ((w - 1) & 0x3FFF) | (((h - 1) & 0x3FFF) << 14)
                                | (b[24] & 0xF0L) << 24);
                case WEBP_EXTENDED -> { // VP8X canvas: 24 bits each of width-1 and height-1
                    putLittleEndian(b, 24, 3, w - 1);
                    putLittleEndian(b, 27, 3, h - 1);
                }
            }
            return b;
        }

        private static int jpegFrameHeader(byte[] b) {
            for (int i = 2; i + 1 < b.length; i++) {
                int marker = b[i + 1] & 0xFF;
                if ((b[i] & 0xFF) == 0xFF && (marker == 0xC0 || marker == 0xC1 || marker == 0xC2)) {
                    return i;
                }
            }
            throw new IllegalStateException("no JPEG frame header");
        }

        /** Rewrites the ImageWidth (256) and ImageLength (257) entries of the first IFD. */
        private static void tiffDimensions(byte[] b, long w, long h) {
            boolean big = b[0] == 'M';
            int ifd = (int) get(b, 4, 4, big);
            int entries = (int) get(b, ifd, 2, big);
            for (int i = 0; i < entries; i++) {
                int entry = ifd + 2 + 12 * i;
                int tag = (int) get(b, entry, 2, big);
                if (tag == 256 || tag == 257) {
                    put(b, entry + 2, 2, 4, big); // type LONG, so the full claim fits
                    put(b, entry + 8, 4, tag == 256 ? w : h, big);
                }
            }
        }

        private static long get(byte[] b, int at, int size, boolean bigEndian) {
            long v = 0;
            for (int i = 0; i < size; i++) {
                int shift = 8 * (bigEndian ? size - 1 - i : i);
                v |= (b[at + i] & 0xFFL) << shift;
            }
            return v;
        }

        private static void put(byte[] b, int at, int size, long value, boolean bigEndian) {
            for (int i = 0; i < size; i++) {
                int shift = 8 * (bigEndian ? size - 1 - i : i);
                b[at + i] = (byte) (value >>> shift);
            }
        }

        private static void putBigEndian(byte[] b, int at, int size, long value) {
            put(b, at, size, value, true);
        }

        private static void putLittleEndian(byte[] b, int at, int size, long value) {
            put(b, at, size, value, false);
        }

        /** Skips the header, the global palette and any extension blocks to the first image (0x2C). */
        private static int gifImageDescriptor(byte[] b) {
            int at = 13 + ((b[10] & 0x80) != 0 ? 3 * (1 << ((b[10] & 7) + 1)) : 0);
            while (b[at] == 0x21) {
                at += 2;
                while (b[at] != 0) {
                    at += 1 + (b[at] & 0xFF);
                }
                at++;
            }
            if (b[at] != 0x2C) {
                throw new IllegalStateException("no GIF image descriptor");
            }
            return at;
        }
    }
}
