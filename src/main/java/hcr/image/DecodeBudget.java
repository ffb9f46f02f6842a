package hcr.image;

import java.util.Locale;

/**
 * The heap that pictures being decoded at the same time may take, shared by every decoder in the
 * JVM. A decode reserves its estimated size before any pixel is allocated and waits while others
 * hold what it needs; a picture that alone needs more than the whole budget is refused. So small
 * files claiming tens of megapixels cannot exhaust the heap, however many threads decode at once
 * (the per-picture pixel limit alone does not: two threads each allowed 50 megapixels at 8 bytes
 * a pixel already need 800 MB).
 */
final class DecodeBudget {
    /** Half the heap: the rest is for the model, the batch, the directory listing and the collector. */
    static final DecodeBudget SHARED = new DecodeBudget(Runtime.getRuntime().maxMemory() / 2);

    private final long capacity;
    private long reserved;

    DecodeBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Held while a picture is decoded and preprocessed; closing returns its bytes to the budget. */
    final class Reservation implements AutoCloseable {
        private long bytes;

        private Reservation(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void close() {
            synchronized (DecodeBudget.this) {
                reserved -= bytes;
                bytes = 0;
                DecodeBudget.this.notifyAll();
            }
        }
    }

    Reservation reserve(long bytes) {
        if (bytes > capacity) {
            throw new UnreadableImageException(String.format(Locale.ROOT,
                    "too large for the memory available: decoding it takes about %d MB, this run allows %d MB"
                            + " (give Java a larger heap, e.g. HCR_JAVA_OPTS=-Xmx4g)", mb(bytes), mb(capacity)));
        }
        synchronized (this) {
            while (reserved + bytes > capacity) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UnreadableImageException("interrupted while waiting for memory to decode it", e);
                }
            }
            reserved += bytes;
        }
        return new Reservation(bytes);
    }

    synchronized long reserved() {
        return reserved;
    }

    long capacity() {
        return capacity;
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
