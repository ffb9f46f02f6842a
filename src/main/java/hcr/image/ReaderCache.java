package hcr.image;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * One {@link ImageReader} per thread and format, reused for every picture: creating a reader
 * (the JPEG ones set up native decoder state) cost more than decoding a small picture.
 *
 * <p>The reader is chosen exactly as {@code ImageIO.getImageReaders} chooses it (the first
 * plug-in in registry order that recognises the content), but without creating an instance of
 * every plug-in that matches.
 */
final class ReaderCache {
    private final ThreadLocal<Map<ImageReaderSpi, ImageReader>> readers = ThreadLocal.withInitial(HashMap::new);

    /** A reader for {@code in}, its input not yet set; empty when no plug-in recognises the content. */
    ImageReader readerFor(ImageInputStream in) throws IOException {
        ImageReaderSpi spi = firstRecognising(in);
        if (spi == null) {
            return null;
        }
        Map<ImageReaderSpi, ImageReader> mine = readers.get();
        ImageReader reader = mine.get(spi);
        if (reader == null) {
            reader = spi.createReaderInstance();
            mine.put(spi, reader);
        }
        return reader;
    }

    /** Forgets this thread's reader of that kind, after a failure may have left it in a bad state. */
    void discard(ImageReader reader) {
        readers.get().values().remove(reader);
        reader.dispose();
    }

    /** As ImageIO asks: a plug-in that cannot even peek at the header does not recognise it. */
    private static boolean recognises(ImageReaderSpi spi, ImageInputStream in) {
        try {
            in.mark();
            boolean yes = spi.canDecodeInput(in);
            in.reset();
            return yes;
        } catch (IOException e) {
            return false;
        }
    }

    private static ImageReaderSpi firstRecognising(ImageInputStream in) {
        Iterator<ImageReaderSpi> spis = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (spis.hasNext()) {
            ImageReaderSpi spi = spis.next();
            if (recognises(spi, in)) {
                return spi;
            }
        }
        return null;
    }
}
