package hcr.cli;

import hcr.StartupTrace;
import hcr.image.ImageDecoder;
import hcr.runtime.Backends;
import java.nio.file.Path;

/**
 * Start-up work that does not depend on the parsed options, done on a thread of its own while the
 * main thread builds and parses the command line (on two cores, about the time that takes):
 * ImageIO's plug-in registry for a command that decodes pictures, and the backend the launcher names
 * ({@code -Dhcr.prepare=onnx}, when the arguments say which backend runs; see {@code Backend.prepare}).
 * Only a head start: the command loads its model as usual and reports any failure itself.
 */
final class StartupWarmUp {
    private static final long MAX_WAIT_MS = 10_000;

    private final Thread thread;

    private StartupWarmUp(Thread thread) {
        this.thread = thread;
    }

    /** Starts preparing {@code backend} (null or blank: none) and, with {@code pictures}, ImageIO. */
    static StartupWarmUp start(String backend, boolean pictures) {
        boolean prepare = backend != null && !backend.isBlank();
        if (!prepare && !pictures) {
            return new StartupWarmUp(null);
        }
        Thread thread = new Thread(() -> {
            if (pictures) {
                // Loading the decoder starts ImageIO's own warm-up thread (hcr.image.ImageIoWarmUp).
                ImageDecoder.isSupported(Path.of("warm-up.png"));
            }
            if (prepare) {
                try {
                    Backends.named(backend).prepare(HcrHome.locate());
                    StartupTrace.mark("backend prepared");
                } catch (RuntimeException | LinkageError e) {
                    // Left for the command's own load to report, in its words.
                }
            }
        }, "hcr-startup-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new StartupWarmUp(thread);
    }

    /**
     * Waits for the warm-up to end: a command that fails fast (a usage error) must not exit while a
     * native library is still being set up on the other thread.
     */
    void awaitEnd() {
        if (thread == null) {
            return;
        }
        try {
            thread.join(MAX_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
