package hcr.serve;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Counts every answer by endpoint and status, with its latency from arrival, including the ones
 * Jetty's own handlers give (413 on Content-Length, 503 while stopping). Outermost, so nothing
 * escapes it.
 */
final class MeteredHandler extends Handler.Wrapper {
    private final ServerMetrics metrics;
    private final Router router;

    MeteredHandler(ServerMetrics metrics, Router router, Handler inner) {
        super(inner);
        this.metrics = metrics;
        this.router = router;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String endpoint = router.endpointLabel(Request.getPathInContext(request));
        long begin = request.getBeginNanoTime();
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
                metrics.answered(endpoint, response.getStatus(), System.nanoTime() - begin);
            }
        };
        return super.handle(request, response, metered);
    }
}
