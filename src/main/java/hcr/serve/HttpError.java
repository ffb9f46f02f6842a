package hcr.serve;

import hcr.HcrException;
import java.util.Map;

/**
 * A request the server refuses, with the HTTP status and the specific reason the client sees as
 * {@code {"error": reason}}. Thrown by endpoints; the router turns it into the response.
 */
final class HttpError extends HcrException {
    private final int status;
    private final Map<String, String> headers;

    private HttpError(int status, String reason, Map<String, String> headers) {
        super(reason);
        this.status = status;
        this.headers = headers;
    }

    static HttpError badRequest(String reason) {
        return new HttpError(400, reason, Map.of());
    }

    static HttpError notFound(String reason) {
        return new HttpError(404, reason, Map.of());
    }

    static HttpError methodNotAllowed(String allowed, String reason) {
        return new HttpError(405, reason, Map.of("Allow", allowed));
    }

    static HttpError tooLarge(String reason) {
        return new HttpError(413, reason, Map.of());
    }

    static HttpError unsupportedMedia(String reason) {
        return new HttpError(415, reason, Map.of());
    }

    /** 503 with Retry-After: busy, not ready yet, or stopping. */
    static HttpError unavailable(String reason) {
        return new HttpError(503, reason, Map.of("Retry-After", "1"));
    }

    int status() {
        return status;
    }

    /** Headers the answer must carry (Allow, Retry-After). */
    Map<String, String> headers() {
        return headers;
    }
}
