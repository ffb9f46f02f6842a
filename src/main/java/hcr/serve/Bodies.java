package hcr.serve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reading what a request carries: its body (in memory, never on disk), media type and Accept. */
final class Bodies {
    private Bodies() {
    }

    /**
     * The whole body. {@code SizeLimitHandler} fails the read past the limit; that becomes 413.
     *
     * @throws HttpError 413 past the body limit, 400 when the client broke off
     */
    static byte[] read(Request request, long limit) {
        try {
            ByteBuffer buffer = Content.Source.asByteBuffer(request);
            byte[] body = new byte[buffer.remaining()];
            buffer.get(body);
            return body;
        } catch (IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HttpException http && http.getCode() == 413) {
                    throw HttpError.tooLarge("request body larger than " + limit + " bytes");
                }
            }
            throw HttpError.badRequest("could not read the request body: " + e.getMessage());
        }
    }

    /** The base media type of the body, lower case, without parameters; "" when absent. */
    static String mediaType(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon >= 0 ? type.substring(0, semicolon) : type).strip().toLowerCase(Locale.ROOT);
    }

    static boolean accepts(Request request, String mediaType) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
    }
}
