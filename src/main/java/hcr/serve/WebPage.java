package hcr.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The drawing page's static files, read once from the jar (no CDN, no build step) and served
 * from memory.
 */
final class WebPage {
    private static final String ROOT = "/hcr/serve/web/";

    private WebPage() {
    }

    static void addTo(Router router) {
        router.add("GET", "/", file("index.html", "text/html; charset=utf-8"))
                .add("GET", "/app.js", file("app.js", "text/javascript; charset=utf-8"))
                .add("GET", "/app.css", file("app.css", "text/css; charset=utf-8"));
    }

    private static Router.Endpoint file(String name, String type) {
        byte[] body;
        try (InputStream in = WebPage.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ROOT + name);
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Reply reply = Reply.bytes(type, body).withHeader("Cache-Control", "no-cache");
        return request -> reply;
    }
}
