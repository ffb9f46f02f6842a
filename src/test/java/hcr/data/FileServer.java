package hcr.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server for download tests (public for the cli tests): serves one file at {@code /gzip.zip}, honours
 * {@code Range: bytes=N-} with 206, 404s everything else, and can cut responses midway.
 */
public final class FileServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final byte[] content;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int cutsLeft;
    private volatile int cutAfterBytes;
    private volatile boolean honourRanges = true;
    private volatile int stallsLeft;

    public FileServer(byte[] content) throws IOException {
        this.content = content;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers); // a stalled response must not block the client's next request
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public URI url() {
        return url("/gzip.zip");
    }

    /** The next {@code times} responses send only {@code bytes} bytes of their body, then drop the connection. */
    public FileServer cutResponses(int times, int bytes) {
        cutsLeft = times;
        cutAfterBytes = bytes;
        return this;
    }

    /** The next {@code times} responses send {@code bytes} bytes, then go silent with the connection open. */
    public FileServer stallResponses(int times, int bytes) {
        stallsLeft = times;
        cutAfterBytes = bytes;
        return this;
    }

    /** Behave like a server without Range support: always 200 with the whole file. */
    public FileServer ignoreRanges() {
        honourRanges = false;
        return this;
    }

    /** One entry per request: its Range header, or "" if none. */
    public List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(range == null ? "" : range);
        if (!exchange.getRequestURI().getPath().equals("/gzip.zip")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        int start = 0;
        Matcher m = range == null ? null : RANGE.matcher(range);
        if (honourRanges && m != null && m.matches()) {
            start = Integer.parseInt(m.group(1));
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            exchange.sendResponseHeaders(206, content.length - start);
        } else {
            exchange.sendResponseHeaders(200, content.length);
        }
        int length = content.length - start;
        boolean cut = cutsLeft > 0;
        boolean stall = !cut && stallsLeft > 0;
        if (cut || stall) {
            length = Math.min(length, cutAfterBytes);
        }
        if (cut) {
            cutsLeft--;
        }
        if (stall) {
            stallsLeft--;
        }
        OutputStream body = exchange.getResponseBody();
        body.write(content, start, length);
        body.flush();
        if (stall) {
            sleepUntilTheClientGivesUp();
        }
        if (cut) {
            // Throwing from a handler makes the JDK server drop the connection: the client sees a cut.
            throw new IOException("connection cut on purpose after " + length + " bytes");
        }
        body.close();
    }

    private static void sleepUntilTheClientGivesUp() throws IOException {
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("stalled on purpose");
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
