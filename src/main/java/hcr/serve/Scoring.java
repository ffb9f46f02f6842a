package hcr.serve;

import hcr.recognise.Recogniser;
import java.time.Duration;
import org.eclipse.jetty.server.Request;

/**
 * The gate every scoring request passes: the model must be loaded and warm and the server not
 * stopping (else 503), then a turn from {@link Admission} within the request's deadline.
 */
final class Scoring {
    /** The loaded model and its per-charset recognisers; null until ready. */
    record Loaded(ServedModel model, Recognisers recognisers) {
    }

    /** A request's turn at the model, with its deadline on the {@link System#nanoTime()} scale. */
    record Turn(Loaded loaded, long deadlineNanos) {
        void checkDeadline() {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw HttpError.unavailable("deadline passed before scoring");
            }
        }

        Recogniser recogniser(String charset, int top) {
            return loaded.recognisers().get(charset, top);
        }
    }

    @FunctionalInterface
    interface Work {
        Reply apply(Turn turn) throws Exception;
    }

    private final Admission admission;
    private final long deadlineNanos;
    private volatile Loaded loaded;
    private volatile boolean stopping;

    Scoring(Admission admission, Duration deadline) {
        this.admission = admission;
        this.deadlineNanos = deadline.toNanos();
    }

    void ready(Loaded model) {
        this.loaded = model;
    }

    void stopping() {
        this.stopping = true;
    }

    boolean isReady() {
        return loaded != null && !stopping;
    }

    /** @throws HttpError 503 while loading or stopping */
    Loaded require() {
        Loaded now = loaded;
        if (stopping) {
            throw HttpError.unavailable("server stopping");
        }
        if (now == null) {
            throw HttpError.unavailable("model loading");
        }
        return now;
    }

    Reply run(Request request, Work work) throws Exception {
        Loaded model = require();
        long deadline = request.getBeginNanoTime() + deadlineNanos;
        admission.enter(deadline);
        try {
            return work.apply(new Turn(model, deadline));
        } finally {
            admission.leave();
        }
    }
}
