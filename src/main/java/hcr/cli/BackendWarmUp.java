package hcr.cli;

import hcr.StartupTrace;
import hcr.runtime.Backends;

/**
 * Prepares the backend a command is going to load (see {@code Backend.prepare}) on a thread of its
 * own while the main thread builds and parses the command line. The launcher names it
 * ({@code -Dhcr.prepare=onnx}) when the arguments say which backend runs; it is only a head start:
 * the command loads its model as usual and reports any failure itself.
 */
final class BackendWarmUp {
    private static final long MAX_WAIT_MS = 10_000;

    private final Thread thread;

    private BackendWarmUp(Thread thread) {
        this.thread = thread;
    }

    /** Starts preparing {@code backend}; null or blank does nothing. */
    static BackendWarmUp start(String backend) {
        if (backend == null || backend.isBlank()) {
            return new BackendWarmUp(null);
        }
        Thread thread = new Thread(() -> {
            try {
                Backends.named(backend).prepare(HcrHome.locate());
                StartupTrace.mark("backend prepared");
            } catch (RuntimeException | LinkageError e) {
                // Left for the command's own load to report, in its words.
            }
        }, "hcr-backend-warm-up");
        thread.setDaemon(true);
        thread.start();
        return new BackendWarmUp(thread);
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
