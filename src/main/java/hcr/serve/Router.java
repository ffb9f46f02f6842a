package hcr.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Exact paths to endpoints, one per method: an unknown path is 404, a known path with another
 * method is 405 with {@code Allow}. An endpoint's {@link HttpError} becomes its JSON error; any
 * other exception is a bug, logged on the server's stderr and answered with a bare 500.
 * Endpoints block (decoding and scoring are CPU work), so this handler runs on pool threads.
 */
final class Router extends Handler.Abstract {
    /** One way to answer a request. */
    @FunctionalInterface
    interface Endpoint {
        Reply answer(Request request) throws Exception;
    }

    static final String OTHER = "other";

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final PrintStream log;

    Router(PrintStream log) {
        super(InvocationType.BLOCKING);
        this.log = log;
    }

    Router add(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new TreeMap<>()).put(method, endpoint);
        return this;
    }

    /** The metrics label for a path: the route itself, or "other" so unknown paths cannot grow the label set. */
    String endpointLabel(String path) {
        return routes.containsKey(path) ? path : OTHER;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Reply reply;
        try {
            reply = route(request).answer(request);
        } catch (HttpError e) {
            reply = Reply.error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.error(HttpError.unavailable("server stopping"));
        } catch (Exception | Error e) {
            log.println("hcr serve: internal error on " + request.getMethod() + " " + request.getHttpURI().getPath()
                    + ": " + e);
            e.printStackTrace(log);
            reply = new Reply(500, Reply.JSON, Json.error("internal error"), Map.of());
        }
        response.setStatus(reply.status());
        finishReading(request, response);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        reply.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    /**
     * Reads what is left of the body before answering. An endpoint that refuses a request early
     * (415, a bad parameter) has not read it; left unread, Jetty closes the connection after a reply
     * that already went out as keep-alive, and a client reusing the connection in that instant loses
     * its next request. A body that cannot be read (past the size limit, broken off) still closes the
     * connection, but the reply says so. Bodies are bounded by the size limit, so this is bounded too.
     */
    private static void finishReading(Request request, Response response) {
        try {
            Content.Source.consumeAll(request);
        } catch (IOException | RuntimeException e) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }

    private Endpoint route(Request request) {
        String path = Request.getPathInContext(request);
        Map<String, Endpoint> methods = routes.get(path);
        if (methods == null) {
            throw HttpError.notFound("no endpoint " + path + (path.startsWith("/v2/models/") ? " (the model is named hcr)" : ""));
        }
        Endpoint endpoint = methods.get(request.getMethod());
        if (endpoint == null) {
            throw HttpError.methodNotAllowed(String.join(", ", methods.keySet()), request.getMethod() + " is not allowed on "
                    + path + "; use " + String.join(" or ", methods.keySet()));
        }
        return endpoint;
    }
}
