package hcr.serve;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The concurrency cap in front of scoring: at most {@code concurrency} requests are decoded and
 * scored at once, at most {@code queueLimit} more wait (first come, first served), and a waiting
 * request gives up when its deadline passes. Everything beyond is refused at once with 503, so an
 * overloaded server answers quickly instead of piling up work and memory.
 */
final class Admission {
    private final Semaphore permits;
    private final int queueLimit;
    private final AtomicInteger waiting = new AtomicInteger();

    Admission(int concurrency, int queueLimit) {
        if (concurrency < 1 || queueLimit < 0) {
            throw new IllegalArgumentException("concurrency must be positive and the queue not negative");
        }
        this.permits = new Semaphore(concurrency, true);
        this.queueLimit = queueLimit;
    }

    /**
     * Waits for a turn until {@code deadlineNanos} ({@link System#nanoTime()} scale); pair with
     * {@link #leave()}.
     *
     * @throws HttpError 503 when the queue is full or the deadline passes while waiting
     */
    void enter(long deadlineNanos) throws InterruptedException {
        if (permits.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            return;
        }
        if (waiting.incrementAndGet() > queueLimit) {
            waiting.decrementAndGet();
            throw HttpError.unavailable("server busy: " + queueLimit + " requests already waiting");
        }
        try {
            if (!permits.tryAcquire(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw HttpError.unavailable("deadline passed while waiting in the queue");
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    void leave() {
        permits.release();
    }

    /** Requests waiting for a turn now (the queue-depth metric). */
    int waiting() {
        return waiting.get();
    }
}
