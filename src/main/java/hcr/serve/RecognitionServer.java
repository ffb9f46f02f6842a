package hcr.serve;

import hcr.HcrException;
import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import hcr.image.EmnistTensor;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code hcr serve}: Jetty 12 core with one handler chain —
 * metrics → CORS (opt-in) → body size limit → router. It listens (live, not ready) before the
 * model loads, and is ready only once the model has scored a warm-up picture. A stop turns ready
 * off and answers new scoring requests 503 at once, waits (at most the drain timeout) until every
 * request in flight has been answered, then closes the connections.
 */
public final class RecognitionServer implements AutoCloseable {
    private final ServeSettings settings;
    private final Server server;
    private final ServerConnector connector;
    private final Admission admission;
    private final Scoring scoring;
    private final ServerMetrics metrics;
    private final MeteredHandler metered;
    private volatile ServedModel model;
    private volatile int boundPort;

    public RecognitionServer(ServeSettings settings, String version, PrintStream log) {
        this.settings = settings;
        this.admission = new Admission(settings.concurrency(), settings.queueLimit());
        this.scoring = new Scoring(admission, settings.deadline());
        this.metrics = new ServerMetrics(admission::waiting);
        // Threads: every admitted and queued request may block one, plus Jetty's selectors and acceptors.
        QueuedThreadPool threads = new QueuedThreadPool(Math.max(16, settings.concurrency() + settings.queueLimit() + 8));
        threads.setName("hcr-serve");
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setStopTimeout(1000);
        server.setErrorHandler(new JsonErrorHandler());
        if (settings.accessLog()) {
            server.setRequestLog(new CustomRequestLog(log::println, CustomRequestLog.EXTENDED_NCSA_FORMAT));
        }
        Router router = new Router(log);
        new PredictionsEndpoint(scoring, metrics, settings.maxBodyBytes(), settings.topK()).addTo(router);
        new V2Endpoints(scoring, metrics, settings.maxBodyBytes(), version).addTo(router);
        new ReadEndpoint(scoring, metrics, settings.maxBodyBytes()).addTo(router);
        router.add("GET", "/metrics", r -> Reply.bytes(ServerMetrics.CONTENT_TYPE, metrics.scrape()));
        router.add("GET", "/ping", r -> scoring.isReady()
                ? Reply.json(Map.of("status", "Healthy"))
                : Reply.json(Map.of("status", "Unhealthy")).withStatus(503));
        WebPage.addTo(router);
        SizeLimitHandler limit = new SizeLimitHandler(settings.maxBodyBytes(), -1);
        limit.setHandler(router);
        Handler inner = limit;
        if (!settings.corsOrigins().isEmpty()) {
            CrossOriginHandler cors = new CrossOriginHandler();
            cors.setAllowedOriginPatterns(Set.copyOf(settings.corsOrigins().stream().map(RecognitionServer::originPattern).toList()));
            cors.setAllowedMethods(Set.of("GET", "POST"));
            cors.setAllowedHeaders(Set.of("Content-Type", "Accept", V2Endpoints.HEADER_LENGTH));
            cors.setExposedHeaders(Set.of(V2Endpoints.HEADER_LENGTH, "Retry-After"));
            cors.setHandler(inner);
            inner = cors;
        }
        this.metered = new MeteredHandler(metrics, router, inner);
        server.setHandler(metered);
    }

    /** CrossOriginHandler takes regular expressions; an origin given on the command line is literal, "*" any. */
    private static String originPattern(String origin) {
        return origin.equals("*") ? ".*" : java.util.regex.Pattern.quote(origin);
    }

    /**
     * Binds and starts answering (live; not ready until {@link #load}).
     *
     * @throws HcrException when the address cannot be bound
     */
    public void start() {
        try {
            server.start();
            boundPort = connector.getLocalPort();
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            stopQuietly();
            throw new HcrException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + (cause instanceof BindException ? "address already in use or not available" : cause.toString()), e);
        }
    }

    /**
     * Loads the model, scores one warm-up picture and turns ready on. The server owns the model
     * from here and closes it when it stops.
     *
     * @return seconds from the start of loading to ready
     */
    public double load(Supplier<ServedModel> loader) {
        long begin = System.nanoTime();
        ServedModel loaded = loader.get();
        this.model = loaded;
        warmUp(loaded.recogniser());
        double seconds = (System.nanoTime() - begin) / 1e9;
        metrics.loaded(seconds);
        scoring.ready(new Scoring.Loaded(loaded, new Recognisers(loaded.recogniser(), settings.charset())));
        metrics.ready(true);
        return seconds;
    }

    /** One scoring call through the runtime and one decode of a small JPEG, so the first client does not pay for them. */
    private static void warmUp(Recogniser recogniser) {
        recogniser.probabilities(new float[EmnistTensor.PIXELS], 1);
        recogniser.recognise(new Picture("warm-up", warmUpPicture()));
    }

    private static byte[] warmUpPicture() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6));
        g.drawLine(32, 8, 32, 56);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Where the server listens (the port it bound, also after a stop). */
    public URI uri() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return URI.create("http://" + host + ":" + boundPort + "/");
    }

    public boolean isReady() {
        return scoring.isReady();
    }

    /** Blocks until the server has stopped. */
    public void join() throws InterruptedException {
        server.join();
    }

    /**
     * Ready off, in-flight requests drained (at most the drain timeout), new ones refused with 503,
     * then the model closed. Safe to call more than once.
     */
    public synchronized void stop() {
        scoring.stopping();
        metrics.ready(false);
        drain();
        stopQuietly();
        ServedModel loaded = model;
        model = null;
        if (loaded != null) {
            loaded.recogniser().model().close();
        }
    }

    private void drain() {
        long end = System.nanoTime() + settings.drainTimeout().toNanos();
        while (metered.inFlight() > 0 && System.nanoTime() - end < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Requests received and not yet answered. */
    int inFlight() {
        return metered.inFlight();
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping past the drain timeout fails the drain's future; the server is stopped all the same.
        }
    }

    @Override
    public void close() {
        stop();
    }
}
