package hcr.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a picture file with ImageIO (plus the TwelveMonkeys plug-ins on the class path) into an
 * upright, opaque {@link BufferedImage}. Thread-safe: each thread reuses
 * readers of its own.
 *
 * <p>The size check happens on the header, before any pixel is allocated, so a small file that
 * claims a gigapixel canvas (a decompression bomb) is refused cheaply.
 */
public final class ImageDecoder {
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    /** Counting pages stops here: a long animation costs no more than this many frame headers. */
    private static final int PAGES_COUNTED = 1000;

    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    static {
        ImageIoWarmUp.start(); // also turns ImageIO's disk cache off
    }

    /** Files up to this size are read into memory whole; larger ones are streamed. */
    private static final long IN_MEMORY_LIMIT = 16L << 20;

    private static final ThreadLocal<ByteBuffer[]> FILE_BUFFER = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    private final long maxPixels;
    private final ReaderCache readers = new ReaderCache();
    private final DecodeBudget budget;
    private final DecodeNotices notices;

    public ImageDecoder(long maxPixels) {
        this(maxPixels, DecodeBudget.SHARED);
    }

    ImageDecoder(long maxPixels, DecodeBudget budget) {
        this(maxPixels, budget, DecodeNotices.IGNORE);
    }

    private ImageDecoder(long maxPixels, DecodeBudget budget, DecodeNotices notices) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive, was " + maxPixels);
        }
        this.maxPixels = maxPixels;
        this.budget = budget;
        this.notices = notices;
    }

    /** The same decoder, telling {@code notices} what a user should know about pictures it used (none by default). */
    public ImageDecoder withNotices(DecodeNotices notices) {
        return new ImageDecoder(maxPixels, budget, notices);
    }

    public static ImageDecoder withDefaults() {
        return new ImageDecoder(DEFAULT_MAX_PIXELS);
    }

    public long maxPixels() {
        return maxPixels;
    }

    /** Whether the file name has one of the extensions this decoder is meant for (case-insensitive). */
    public static boolean isSupported(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return false;
        }
        String text = name.toString();
        int dot = text.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(text.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    public static Set<String> extensions() {
        return EXTENSIONS;
    }

    /**
     * Decodes the first image of the file, applies its EXIF/TIFF orientation and composites any
     * transparency onto white paper. Further pages (TIFF) or frames (GIF, WebP) are not read; that
     * there were some goes to the {@linkplain #withNotices notices}.
     *
     * @throws UnreadableImageException with a short reason when the file yields no picture
     */
    public BufferedImage decode(Path file) {
        return decode(file, Function.identity());
    }

    /**
     * Decodes as {@link #decode(Path)} and hands the picture to {@code use} while its memory is
     * still reserved in the heap budget that all decoders share, so that what {@code use} does with
     * a large picture is counted too.
     */
    public <T> T decode(Path file, Function<BufferedImage, T> use) {
        ByteBuffer bytes = readWhole(file);
        ImageInputStream stream = bytes != null ? new InMemoryImageStream(bytes) : stream(file);
        Decoded decoded = decodeStream(stream, bytes, () -> WebpChunks.of(file), file.toString());
        try (DecodeBudget.Reservation memory = decoded.memory()) {
            return use.apply(decoded.image());
        }
    }

    /**
     * As {@link #decode(Path, Function)}, for an encoded picture already in memory (an upload, a
     * row of a Spark table): nothing is written to disk.
     */
    public <T> T decode(byte[] picture, Function<BufferedImage, T> use) {
        if (picture.length == 0) {
            throw new UnreadableImageException("empty picture (0 bytes)");
        }
        ByteBuffer bytes = ByteBuffer.wrap(picture);
        Decoded decoded = decodeStream(new InMemoryImageStream(bytes), bytes, () -> WebpChunks.of(picture), "picture");
        try (DecodeBudget.Reservation memory = decoded.memory()) {
            return use.apply(decoded.image());
        }
    }

    /** A WebP picture's chunks, read from wherever the picture lives. */
    private interface WebpSource {
        WebpChunks chunks() throws IOException;
    }

    /** A decoded picture and the share of the heap budget it holds until closed. */
    private record Decoded(BufferedImage image, DecodeBudget.Reservation memory) {
    }

    /** {@code bytes}: the whole file when it is in memory (a large JPEG may then be decoded scaled), else null. */
    private Decoded decodeStream(ImageInputStream stream, ByteBuffer bytes, WebpSource webp, String name) {
        DecodeBudget.Reservation memory = null;
        try (ImageInputStream in = stream) {
            ImageReader reader = readers.readerFor(in);
            if (reader == null) {
                throw new UnreadableImageException("not an image (unrecognised content)");
            }
            boolean clean = false;
            try {
                String format = reader.getFormatName().toUpperCase(Locale.ROOT);
                WebpChunks chunks = format.equals("WEBP") ? webp.chunks() : null;
                // Where the reader's metadata does not hold the orientation cheaply, read it from the bytes.
                Orientation tagged = format.equals("JPEG") ? OrientationTag.ofJpeg(in)
                        : chunks != null ? OrientationTag.ofExif(chunks.exif()) : null;
                memory = reserveMemory(reader, in, chunks);
                Decoded decoded = new Decoded(read(reader, bytes, tagged), memory);
                noticeMorePages(reader, name);
                clean = true;
                return decoded;
            } finally {
                if (clean) {
                    reader.setInput(null); // kept for the next picture: let go of this file's bytes
                } else {
                    readers.discard(reader); // a failure may have left it half-way through a file
                }
            }
        } catch (UnreadableImageException e) {
            release(memory);
            throw e;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            release(memory);
            // Decoders report damage with all sorts of exceptions (EOF, IIOException, index errors).
            throw new UnreadableImageException("truncated or corrupt image (" + describe(e) + ")", e);
        }
    }

    private static void release(DecodeBudget.Reservation memory) {
        if (memory != null) {
            memory.close();
        }
    }

    /**
     * Reads a file of ordinary size into memory in one go (fewer system calls than a buffered
     * file stream and its seeks); only huge files are streamed. The bytes go into this thread's
     * direct buffer, reused for every file: a heap array would be one more copy (the JDK reads
     * files into native memory first) and, for phone photos, megabytes of garbage a picture that
     * kept the collector busy; the scaled JPEG decoder reads the same native bytes in place.
     *
     * @return the file's bytes from index 0 to the limit, valid until this thread reads the next
     *         file; or null when it is too large to hold and must be {@linkplain #stream streamed}
     */
    private static ByteBuffer readWhole(Path file) {
        long size = PictureFile.sizeOf(file);
        if (size > IN_MEMORY_LIMIT) {
            return null;
        }
        ByteBuffer buffer = fileBuffer((int) size);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // a file that shrank since its size was read ends early: what is there is decoded
            }
        } catch (AccessDeniedException e) {
            throw UnreadableImageException.notReadable(e);
        } catch (IOException e) {
            throw UnreadableImageException.cannotRead(e);
        }
        return buffer.flip();
    }

    /** This thread's file buffer, at least {@code size} bytes, cleared to exactly that size. */
    private static ByteBuffer fileBuffer(int size) {
        ByteBuffer[] slot = FILE_BUFFER.get();
        if (slot[0] == null || slot[0].capacity() < size) {
            // Grown in steps, so a directory of slowly growing files does not reallocate at every one.
            slot[0] = ByteBuffer.allocateDirect((int) Math.min(IN_MEMORY_LIMIT, Math.max(size + (size >> 2), 64 << 10)));
        }
        return slot[0].clear().limit(size);
    }

    private static ImageInputStream stream(Path file) {
        try {
            ImageInputStream in = ImageIO.createImageInputStream(file.toFile());
            if (in == null) {
                throw new UnreadableImageException("cannot open the file");
            }
            return in;
        } catch (AccessDeniedException e) {
            throw UnreadableImageException.notReadable(e);
        } catch (IOException e) {
            throw UnreadableImageException.cannotRead(e);
        }
    }

    /** Reads the header only: the pixel limit, then the heap the decoded picture and its copies will take. */
    private DecodeBudget.Reservation reserveMemory(ImageReader reader, ImageInputStream in, WebpChunks webp)
            throws IOException {
        // Metadata is needed for the orientation; seekForwardOnly keeps memory flat.
        reader.setInput(in, true, false);
        String format = reader.getFormatName().toUpperCase(Locale.ROOT);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        checkPixelCount(width, height, format);
        long pixels = (long) width * height;
        if (webp != null) {
            long frame = webp.largestFramePixels();
            if (frame > maxPixels) {
                throw new UnreadableImageException("too many pixels: a WEBP frame of " + pixelCount(frame)
                        + ", the limit is " + pixelCount(maxPixels) + " (--max-pixels)");
            }
            pixels = Math.max(pixels, frame);
        }
        return budget.reserve(pixels * bytesPerPixel(reader));
    }

    /** The decoded raster, plus an opaque copy and an upright copy of at most 4 bytes a pixel each. */
    private static long bytesPerPixel(ImageReader reader) {
        int raster = 4;
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type != null) {
                SampleModel samples = type.getSampleModel(1, 1);
                raster = samples.getNumDataElements() * DataBuffer.getDataTypeSize(samples.getDataType()) / 8;
            }
        } catch (IOException | RuntimeException e) {
            // A header too broken to describe its pixel type fails in read(); assume ARGB until then.
        }
        return Math.max(raster, 1) + 8L;
    }

    /**
     * Reads the first image upright: as {@code tagged} says, or when null as the reader's metadata says.
     * {@code bytes}: the whole file when in memory, so a large JPEG can be decoded scaled.
     */
    private BufferedImage read(ImageReader reader, ByteBuffer bytes, Orientation tagged) throws IOException {
        String format = reader.getFormatName().toUpperCase(Locale.ROOT);
        BufferedImage image = format.equals("JPEG") && bytes != null ? scaledJpeg(reader, bytes) : null;
        if (image == null) {
            image = readWithImageIo(reader, format);
        }
        Orientation orientation = tagged != null ? tagged : OrientationTag.of(imageMetadata(reader));
        return orientation.apply(onWhite(image));
    }

    /** A large JPEG decoded already shrunk to the size preprocessing works at; null when not large or not possible. */
    private static BufferedImage scaledJpeg(ImageReader reader, ByteBuffer bytes) throws IOException {
        int reduction = ScaledJpegDecoder.reductionFor(reader.getWidth(0), reader.getHeight(0));
        if (reduction == 1) {
            return null;
        }
        return ScaledJpegDecoder.instance().flatMap(decoder -> decoder.decodeGrey(bytes, reduction)).orElse(null);
    }

    private BufferedImage readWithImageIo(ImageReader reader, String format) throws IOException {
        TruncationWatch watch = new TruncationWatch();
        reader.addIIOReadWarningListener(watch);
        BufferedImage image;
        try {
            image = reader.read(0, greyWhenFree(reader, format));
        } finally {
            reader.removeIIOReadWarningListener(watch); // the reader is reused for the next picture
        }
        if (watch.truncated != null) {
            throw new UnreadableImageException("truncated or corrupt " + format + " (" + watch.truncated + ")");
        }
        return image;
    }

    /**
     * A colour JPEG decoded straight to grey: libjpeg then keeps only the luma channel and skips
     * chroma upsampling and colour conversion (measured: 128x128 photos decode 2-2.5x faster).
     * Preprocessing wants brightness only, and JPEG's luma is the same BT.601 weighting.
     */
    private static ImageReadParam greyWhenFree(ImageReader reader, String format) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        if (format.equals("JPEG")) {
            for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
                ImageTypeSpecifier type = types.next();
                if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                    param.setDestinationType(type);
                    break;
                }
            }
        }
        return param;
    }

    /**
     * Tells the notices when a TIFF, GIF or WebP holds more than the first image, counted from the
     * headers only (after the first image and its metadata were read: the stream only goes forward).
     */
    private void noticeMorePages(ImageReader reader, String name) {
        String what = imagesCalled(reader);
        if (what == null) {
            return;
        }
        int images = 1;
        try {
            while (images < PAGES_COUNTED) {
                reader.getWidth(images);
                images++;
            }
        } catch (IOException | RuntimeException e) {
            // No further image, or a damaged one: either way the first page stands.
        }
        if (images > 1) {
            notices.notice(name, (images == PAGES_COUNTED ? "at least " : "") + images + " " + what
                    + "; only the first is read");
        }
    }

    /** What a format calls its images when it can hold several: TIFF pages, GIF and WebP frames; else null. */
    private static String imagesCalled(ImageReader reader) {
        if (reader.getOriginatingProvider() == null) {
            return null;
        }
        // By the plug-in's names: TwelveMonkeys reads classic TIFF with its "bigtiff" plug-in.
        for (String name : reader.getOriginatingProvider().getFormatNames()) {
            String format = name.toLowerCase(Locale.ROOT);
            if (format.endsWith("tiff")) {
                return "pages";
            }
            if (format.equals("gif") || format.equals("webp")) {
                return "frames";
            }
        }
        return null;
    }

    private void checkPixelCount(int width, int height, String format) {
        if (width <= 0 || height <= 0) {
            throw new UnreadableImageException("corrupt " + format + " header (size " + width + "x" + height + ")");
        }
        long pixels = (long) width * height;
        if (pixels > maxPixels) {
            throw new UnreadableImageException(String.format(Locale.ROOT, "too many pixels: %dx%d is %s, the limit is %s"
                    + " (--max-pixels)", width, height, pixelCount(pixels), pixelCount(maxPixels)));
        }
    }

    /** "12.0 megapixels", or the exact count below a tenth of one, where one decimal would say 0.0. */
    static String pixelCount(long pixels) {
        return pixels >= 100_000 ? String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6)
                : String.format(Locale.ROOT, "%,d pixels", pixels);
    }

    /** Broken metadata must not cost the picture: without it the image is taken as upright. */
    private static javax.imageio.metadata.IIOMetadata imageMetadata(ImageReader reader) {
        try {
            return reader.getImageMetadata(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Transparent pixels mean "no ink": paint them as white paper. */
    static BufferedImage onWhite(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = opaque.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return opaque;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String kind = e instanceof IIOException ? "decoder error" : e.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : message.strip();
    }

    /**
     * The JDK's JPEG decoder does not throw on a cut-off file: it warns and fills the rest with grey.
     * Such a half picture would be scored as if it were whole, so the warning is an error here.
     */
    private static final class TruncationWatch implements IIOReadWarningListener {
        private volatile String truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String text = warning.toLowerCase(Locale.ROOT);
            if (text.contains("premature end") || text.contains("truncat") || text.contains("corrupt")) {
                truncated = warning.strip();
            }
        }
    }
}
