package hcr.image;

import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Starts ImageIO on a background thread: its plug-in registry scans every jar on the class path and
 * registers each plug-in (TwelveMonkeys' among them), which a one-picture run otherwise waits for on
 * the main thread while nothing else happens. Started when {@link ImageDecoder} is first touched
 * (listing an input directory does), it overlaps with loading the model on a second core; a decode
 * thread that needs ImageIO sooner simply waits for the class initialisation to finish.
 */
final class ImageIoWarmUp implements Runnable {
    private ImageIoWarmUp() {
    }

    static void start() {
        Thread thread = new Thread(new ImageIoWarmUp(), "hcr-imageio-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        // A disk cache only slows small files down and fails on read-only temp directories.
        ImageIO.setUseCache(false);
        for (Iterator<ImageReaderSpi> spis = IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
             spis.hasNext(); ) {
            spis.next();
        }
    }
}
