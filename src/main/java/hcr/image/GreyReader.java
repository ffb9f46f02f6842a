package hcr.image;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Turns any {@link BufferedImage} into luminance 0..255 (transparency composited onto white),
 * reading whole rows of raw raster data rather than one {@code getRGB} call per pixel.
 *
 * <p>Photos larger than {@link #MAX_WORKING_SIDE} are area-averaged down by an integer factor
 * while reading: handwriting needs far fewer pixels than a camera delivers, and every later step
 * then runs on at most about a megapixel. Not thread-safe: it reuses its buffers.
 */
final class GreyReader {
    static final int MAX_WORKING_SIDE = 1024;

    private byte[] byteRow = new byte[0];
    private short[] shortRow = new short[0];
    private int[] intRow = new int[0];
    private byte[] lumaRow = new byte[0];
    private int[] sums = new int[0];

    void read(BufferedImage image, GreyImage out) {
        int w = image.getWidth();
        int h = image.getHeight();
        int factor = factorFor(w, h);
        int ow = ceilDiv(w, factor);
        int oh = ceilDiv(h, factor);
        out.resize(ow, oh);
        BackingBytes bytes = BackingBytes.of(image);
        if (factor == 1) {
            for (int y = 0; y < h; y++) {
                readRow(image, bytes, y, out.pixels, y * ow);
            }
            return;
        }
        lumaRow = Buffers.atLeast(lumaRow, w);
        sums = Buffers.atLeast(sums, ow * oh);
        java.util.Arrays.fill(sums, 0, ow * oh, 0);
        for (int y = 0; y < h; y++) {
            readRow(image, bytes, y, lumaRow, 0);
            int base = (y / factor) * ow;
            for (int ox = 0, x = 0; ox < ow; ox++) {
                int sum = 0;
                for (int end = Math.min(w, x + factor); x < end; x++) {
                    sum += lumaRow[x] & 0xFF;
                }
                sums[base + ox] += sum;
            }
        }
        for (int oy = 0; oy < oh; oy++) {
            int rows = Math.min(factor, h - oy * factor);
            for (int ox = 0; ox < ow; ox++) {
                int cols = Math.min(factor, w - ox * factor);
                out.pixels[oy * ow + ox] = (byte) (sums[oy * ow + ox] / (rows * cols));
            }
        }
    }

    /** Source pixels per working pixel along each side for a picture of {@code w x h}. */
    static int factorFor(int w, int h) {
        return Math.max(1, ceilDiv(Math.max(w, h), MAX_WORKING_SIDE));
    }

    /** Writes the luminance of row {@code y} into {@code luma} from index {@code at}, as unsigned bytes. */
    private void readRow(BufferedImage image, BackingBytes bytes, int y, byte[] luma, int at) {
        if (bytes != null) {
            bytes.readRow(y, luma, at);
            return;
        }
        Raster raster = image.getRaster();
        int w = image.getWidth();
        switch (image.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> {
                byteRow = Buffers.atLeast(byteRow, w);
                raster.getDataElements(0, y, w, 1, byteRow);
                System.arraycopy(byteRow, 0, luma, at, w);
            }
            case BufferedImage.TYPE_USHORT_GRAY -> {
                shortRow = Buffers.atLeast(shortRow, w);
                raster.getDataElements(0, y, w, 1, shortRow);
                for (int x = 0; x < w; x++) {
                    luma[at + x] = (byte) ((shortRow[x] & 0xFFFF) >>> 8);
                }
            }
            case BufferedImage.TYPE_3BYTE_BGR -> {
                // Data elements come in band order, which is R, G, B for this type.
                byteRow = Buffers.atLeast(byteRow, 3 * w);
                raster.getDataElements(0, y, w, 1, byteRow);
                for (int x = 0, i = 0; x < w; x++, i += 3) {
                    luma[at + x] = (byte) luma(byteRow[i] & 0xFF, byteRow[i + 1] & 0xFF, byteRow[i + 2] & 0xFF);
                }
            }
            case BufferedImage.TYPE_4BYTE_ABGR -> {
                byteRow = Buffers.atLeast(byteRow, 4 * w);
                raster.getDataElements(0, y, w, 1, byteRow);
                for (int x = 0, i = 0; x < w; x++, i += 4) {
                    int l = luma(byteRow[i] & 0xFF, byteRow[i + 1] & 0xFF, byteRow[i + 2] & 0xFF);
                    luma[at + x] = (byte) onWhite(l, byteRow[i + 3] & 0xFF);
                }
            }
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB -> {
                boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
                intRow = Buffers.atLeast(intRow, w);
                raster.getDataElements(0, y, w, 1, intRow);
                for (int x = 0; x < w; x++) {
                    luma[at + x] = (byte) argbLuma(intRow[x], alpha);
                }
            }
            default -> {
                // Palettes, 1-bit, 16-bit colour, premultiplied alpha, custom layouts: let the colour model convert.
                intRow = Buffers.atLeast(intRow, w);
                image.getRGB(0, y, w, 1, intRow, 0, w);
                boolean alpha = image.getColorModel().hasAlpha();
                for (int x = 0; x < w; x++) {
                    luma[at + x] = (byte) argbLuma(intRow[x], alpha);
                }
            }
        }
    }

    /**
     * The backing array of a grey, BGR or ABGR byte image (what the PNG and JPEG decoders mostly
     * deliver), read in place: copying each row out through the raster first cost more than the
     * conversion itself. The layout is looked up once per picture, not once per row.
     */
    private record BackingBytes(int type, byte[] data, int[] bands, int stride, int scanline, int origin, int width) {
        /** @return null when the image is laid out otherwise and the general path must read it */
        static BackingBytes of(BufferedImage image) {
            int type = image.getType();
            boolean layoutKnown = type == BufferedImage.TYPE_BYTE_GRAY || type == BufferedImage.TYPE_3BYTE_BGR
                    || type == BufferedImage.TYPE_4BYTE_ABGR;
            Raster raster = image.getRaster();
            if (!layoutKnown || !(raster.getSampleModel() instanceof ComponentSampleModel model)
                    || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1) {
                return null;
            }
            int stride = model.getPixelStride();
            int scanline = model.getScanlineStride();
            int origin = buffer.getOffset() - raster.getSampleModelTranslateY() * scanline
                    - raster.getSampleModelTranslateX() * stride;
            return new BackingBytes(type, buffer.getData(), model.getBandOffsets(), stride, scanline, origin,
                    image.getWidth());
        }

        void readRow(int y, byte[] luma, int at) {
            int start = origin + y * scanline;
            if (type == BufferedImage.TYPE_BYTE_GRAY && stride == 1) {
                System.arraycopy(data, start + bands[0], luma, at, width);
            } else if (type == BufferedImage.TYPE_BYTE_GRAY) {
                for (int x = 0, i = start + bands[0]; x < width; x++, i += stride) {
                    luma[at + x] = data[i];
                }
            } else if (type == BufferedImage.TYPE_3BYTE_BGR) {
                for (int x = 0, i = start; x < width; x++, i += stride) {
                    luma[at + x] = (byte) luma(data[i + bands[0]] & 0xFF, data[i + bands[1]] & 0xFF, data[i + bands[2]] & 0xFF);
                }
            } else {
                for (int x = 0, i = start; x < width; x++, i += stride) {
                    int l = luma(data[i + bands[0]] & 0xFF, data[i + bands[1]] & 0xFF, data[i + bands[2]] & 0xFF);
                    luma[at + x] = (byte) onWhite(l, data[i + bands[3]] & 0xFF);
                }
            }
        }
    }

    private static int argbLuma(int argb, boolean alpha) {
        int l = luma((argb >>> 16) & 0xFF, (argb >>> 8) & 0xFF, argb & 0xFF);
        return alpha ? onWhite(l, argb >>> 24) : l;
    }

    /** ITU-R BT.601 weights in 8-bit fixed point. */
    private static int luma(int r, int g, int b) {
        return (77 * r + 150 * g + 29 * b + 128) >> 8;
    }

    private static int onWhite(int luma, int alpha) {
        return 255 - ((255 - luma) * alpha + 127) / 255;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
