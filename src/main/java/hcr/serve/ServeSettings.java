package hcr.serve;

import hcr.recognise.Charset;
import java.time.Duration;
import java.util.List;

/**
 * How {@code hcr serve} listens and what it accepts.
 *
 * @param host           address to bind (loopback unless the user says otherwise)
 * @param port           TCP port; 0 picks a free one
 * @param maxBodyBytes   largest request body (413 beyond)
 * @param concurrency    requests decoded and scored at once
 * @param queueLimit     requests allowed to wait for a turn (503 beyond)
 * @param deadline       per-request limit, counted from arrival, queue time included (503 beyond)
 * @param drainTimeout   how long a stop waits for requests in flight
 * @param charset        the characters a picture may be when a request names none
 * @param topK           candidates in a picture upload's answer when a request names no {@code top}
 * @param accessLog      one NCSA line per request on stderr
 * @param corsOrigins    origins allowed to call from a browser (none: no CORS headers)
 */
public record ServeSettings(
        String host,
        int port,
        long maxBodyBytes,
        int concurrency,
        int queueLimit,
        Duration deadline,
        Duration drainTimeout,
        Charset charset,
        int topK,
        boolean accessLog,
        List<String> corsOrigins) {

    public static final long DEFAULT_MAX_BODY = 4L << 20;
    public static final int DEFAULT_QUEUE = 64;
    public static final int DEFAULT_TOP = 5;

    public ServeSettings {
        corsOrigins = List.copyOf(corsOrigins);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535: " + port);
        }
        if (maxBodyBytes < 1 || concurrency < 1 || queueLimit < 0 || topK < 1) {
            throw new IllegalArgumentException("body limit, concurrency and top must be positive, the queue not negative");
        }
        if (deadline.isNegative() || deadline.isZero() || drainTimeout.isNegative()) {
            throw new IllegalArgumentException("the deadline must be positive and the drain timeout not negative");
        }
    }

    /** Loopback, the given port, and every other setting at its default. */
    public static ServeSettings defaults(int port) {
        return new ServeSettings("127.0.0.1", port, DEFAULT_MAX_BODY, Runtime.getRuntime().availableProcessors(),
                DEFAULT_QUEUE, Duration.ofSeconds(10), Duration.ofSeconds(10), Charset.all(), DEFAULT_TOP, false,
                List.of());
    }

    public ServeSettings withLimits(long maxBody, int concurrency, int queue, Duration deadline) {
        return new ServeSettings(host, port, maxBody, concurrency, queue, deadline, drainTimeout, charset, topK,
                accessLog, corsOrigins);
    }
}
