package hcr.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * What {@code GET /metrics} shows, in Prometheus text format. Each server has a registry of its
 * own, so several servers in one JVM (tests) never mix their figures.
 */
final class ServerMetrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests = Counter.builder()
            .name("hcr_http_requests_total").help("HTTP requests answered, by endpoint and status")
            .labelNames("endpoint", "status").register(registry);
    private final Histogram latency = Histogram.builder()
            .name("hcr_http_request_duration_seconds").help("Time from a request's arrival to its answer, by endpoint")
            .classicOnly()
            .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)
            .labelNames("endpoint").register(registry);
    private final Counter pictures = Counter.builder()
            .name("hcr_pictures_scored_total").help("Pictures and tensors scored by the model").register(registry);
    private final Counter failed = Counter.builder()
            .name("hcr_pictures_failed_total").help("Pictures that could not be decoded or pre-processed").register(registry);
    private final Gauge loadSeconds = Gauge.builder()
            .name("hcr_model_load_seconds").help("Time to load the model and score the warm-up image").register(registry);
    private final Gauge ready = Gauge.builder()
            .name("hcr_ready").help("1 while the server accepts recognition requests").register(registry);

    ServerMetrics(IntSupplier queueDepth) {
        GaugeWithCallback.builder()
                .name("hcr_queue_depth").help("Requests waiting for a turn to be scored")
                .callback(cb -> cb.call(queueDepth.getAsInt())).register(registry);
    }

    void answered(String endpoint, int status, long nanos) {
        requests.labelValues(endpoint, Integer.toString(status)).inc();
        latency.labelValues(endpoint).observe(nanos / 1e9);
    }

    void scored(int count) {
        pictures.inc(count);
    }

    void failed(int count) {
        if (count > 0) {
            failed.inc(count);
        }
    }

    void loaded(double seconds) {
        loadSeconds.set(seconds);
    }

    void ready(boolean isReady) {
        ready.set(isReady ? 1 : 0);
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
