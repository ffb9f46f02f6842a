package hcr.serve;

import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every answer by endpoint and status, with its latency from arrival, including the ones
 * Jetty's own handlers give (413 on Content-Length, a malformed request). Outermost, so nothing
 * escapes it; it also counts the requests in flight, which a stop waits for.
 */
final class MeteredHandler extends Handler.Wrapper {
    private final ServerMetrics metrics;
    private final Router router;
    private final AtomicInteger inFlight = new AtomicInteger();

    MeteredHandler(ServerMetrics metrics, Router router, Handler inner) {
        super(inner);
        this.metrics = metrics;
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String endpoint = router.endpointLabel(Request.getPathInContext(request));
        long begin = request.getBeginNanoTime();
        inFlight.incrementAndGet();
        Callback metered = new Callback() {
            @Override
            public void succeeded() {
                record();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                record();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }

            private void record() {
                inFlight.decrementAndGet();
                metrics.answered(endpoint, response.getStatus(), System.nanoTime() - begin);
            }
        };
        boolean handled = false;
        try {
            handled = super.handle(request, response, metered);
            return handled;
        } finally {
            if (!handled) {
                inFlight.decrementAndGet();
            }
        }
    }

    /** Requests received and not yet fully answered. */
    int inFlight() {
        return inFlight.get();
    }
}
