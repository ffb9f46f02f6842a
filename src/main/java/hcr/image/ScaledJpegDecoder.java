package hcr.image;

import static org.bytedeco.leptonica.global.leptonica.L_JPEG_READ_LUMINANCE;
import static org.bytedeco.leptonica.global.leptonica.L_SEVERITY_NONE;
import static org.bytedeco.leptonica.global.leptonica.pixDestroy;
import static org.bytedeco.leptonica.global.leptonica.pixEndianByteSwap;
import static org.bytedeco.leptonica.global.leptonica.pixGetData;
import static org.bytedeco.leptonica.global.leptonica.pixGetDepth;
import static org.bytedeco.leptonica.global.leptonica.pixGetHeight;
import static org.bytedeco.leptonica.global.leptonica.pixGetWidth;
import static org.bytedeco.leptonica.global.leptonica.pixGetWpl;
import static org.bytedeco.leptonica.global.leptonica.pixReadMemJpeg;
import static org.bytedeco.leptonica.global.leptonica.setMsgSeverity;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.leptonica.PIX;
import org.bytedeco.leptonica.global.leptonica;

/**
 * Decodes large JPEGs to grey already shrunk by 2, 4 or 8, in the DCT domain: libjpeg-turbo (the
 * copy inside Leptonica's JavaCPP preset) then runs a 4x4, 2x2 or 1x1 inverse DCT per block instead
 * of 8x8 and reads the luma channel only. A 12-megapixel phone photo decodes in about a fifth of the
 * time ImageIO's JPEG reader takes, which cannot scale and computes every pixel of the full picture.
 *
 * <p>Only what the preprocessing needs is decoded: {@link GreyReader} area-averages pictures whose
 * long side exceeds {@link GreyReader#MAX_WORKING_SIDE}, and the character's ink needs far fewer
 * pixels than that, so those are decoded at the smallest scale that keeps {@link #MIN_DECODED_SIDE}
 * (1/8 for a 12-megapixel photo, as OpenCV's IMREAD_REDUCED_GRAYSCALE_8); pictures it would not
 * shrink are never decoded here. Thread-safe: each thread keeps its own native input buffer.
 *
 * <p>Where the natives cannot load (another platform) or {@code -Dhcr.jpeg.scaled=false} is given,
 * {@link #instance()} is empty and ImageIO decodes everything, as before.
 */
final class ScaledJpegDecoder {
    /** libjpeg scales by M/8; 1/2, 1/4 and 1/8 are the fast ones (smaller inverse DCTs). */
    static final int MAX_REDUCTION = 8;
    /**
     * The long side a scaled decode keeps at least: a character a fifth of a phone photo's side
     * still spans 100 px, over four for each of the 23 px its ink box shrinks to. Measured on
     * 1,000 EMNIST holdout characters enlarged onto 4032x3024 JPEGs
     * (tools/check-large-jpeg-accuracy.sh): 1/8 (504 px) read one more per style than the full-size decode.
     */
    static final int MIN_DECODED_SIDE = 500;

    /** How far from the end of a file the end-of-image marker is looked for. */
    private static final int TRAILER_SEARCH = 4096;

    private static final ThreadLocal<BytePointer[]> INPUT = ThreadLocal.withInitial(() -> new BytePointer[1]);

    private ScaledJpegDecoder() {
    }

    /** The decoder, its natives loaded on first use; empty when they cannot be (or are turned off). */
    static Optional<ScaledJpegDecoder> instance() {
        return Holder.INSTANCE;
    }

    /** How much a JPEG of this size may be shrunk while decoding: 1 (not at all), 2, 4 or 8. */
    static int reductionFor(int width, int height) {
        int side = Math.max(width, height);
        if (side <= GreyReader.MAX_WORKING_SIDE) {
            return 1; // the preprocessing reads it whole: ImageIO decodes it, as it always did
        }
        int reduction = 2;
        while (reduction < MAX_REDUCTION && side / (2 * reduction) >= MIN_DECODED_SIDE) {
            reduction *= 2;
        }
        return reduction;
    }

    /**
     * The luma of {@code jpeg} (index 0 to its limit; a direct buffer is read in place, without a
     * copy) shrunk by {@code reduction}, or empty when libjpeg-turbo reports
     * damage or the picture is not plain grey or YCbCr (CMYK): the caller then decodes it as
     * before, so damaged files keep their specific error messages.
     */
    Optional<BufferedImage> decodeGrey(ByteBuffer jpeg, int reduction) {
        if (!endsWithEndOfImage(jpeg)) {
            return Optional.empty(); // cut short: libjpeg would print its warning to stderr; ImageIO reports it instead
        }
        int length = jpeg.limit();
        PIX pix = null;
        try (IntPointer warning = new IntPointer(1); BytePointer input = inputFor(jpeg)) {
            warning.put(0);
            pix = pixReadMemJpeg(input, length, 0, reduction, warning, L_JPEG_READ_LUMINANCE);
            if (pix == null || pix.isNull() || warning.get() != 0 || pixGetDepth(pix) != 8) {
                return Optional.empty();
            }
            return Optional.of(toImage(pix));
        } finally {
            if (pix != null && !pix.isNull()) {
                pixDestroy(pix);
            }
        }
    }

    /** Whether the end-of-image marker (FF D9) is among the last bytes, where encoders put it (some pad after it). */
    private static boolean endsWithEndOfImage(ByteBuffer jpeg) {
        int length = jpeg.limit();
        for (int i = length - 2; i >= Math.max(0, length - TRAILER_SEARCH); i--) {
            if (jpeg.get(i) == (byte) 0xFF && jpeg.get(i + 1) == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    /** Leptonica keeps 8-bit pixels in 32-bit words, most significant byte first: swapped, they are rows of bytes. */
    private static BufferedImage toImage(PIX pix) {
        int w = pixGetWidth(pix);
        int h = pixGetHeight(pix);
        int rowBytes = pixGetWpl(pix) * 4;
        pixEndianByteSwap(pix);
        BytePointer data = new BytePointer(pixGetData(pix));
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            data.position((long) y * rowBytes).get(out, y * w, w);
        }
        return image;
    }

    /**
     * The bytes in native memory: a direct buffer's own (no copy), else this thread's native
     * buffer, grown when a larger picture comes. Closing the pointer releases neither.
     */
    private static BytePointer inputFor(ByteBuffer jpeg) {
        if (jpeg.isDirect()) {
            return new BytePointer(jpeg.duplicate().position(0));
        }
        BytePointer[] slot = INPUT.get();
        int length = jpeg.limit();
        if (slot[0] == null || slot[0].capacity() < length) {
            if (slot[0] != null) {
                slot[0].close();
            }
            slot[0] = new BytePointer(Math.max(length, 1L << 20));
        }
        slot[0].position(0).put(jpeg.array(), jpeg.arrayOffset(), length);
        return new BytePointer(slot[0]);
    }

    private static final class Holder {
        static final Optional<ScaledJpegDecoder> INSTANCE = load();

        private static Optional<ScaledJpegDecoder> load() {
            if (!Boolean.parseBoolean(System.getProperty("hcr.jpeg.scaled", "true"))) {
                return Optional.empty();
            }
            try {
                Loader.load(leptonica.class);
                setMsgSeverity(L_SEVERITY_NONE); // Leptonica prints an "Info" line per luma-only read
                return Optional.of(new ScaledJpegDecoder());
            } catch (LinkageError | RuntimeException e) { // also ExceptionInInitializerError: ImageIO then decodes
                return Optional.empty();
            }
        }
    }
}
