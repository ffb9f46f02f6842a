package hcr.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Readiness, limits under load, deadlines, shutdown, keep-alive, metrics, CORS and the access log. */
class OperationsTest {
    private static final byte[] A = TestServer.sample("letter_A.jpg");

    private static ServeSettings limits(int concurrency, int queue, Duration deadline) {
        return TestServer.settings().withLimits(ServeSettings.DEFAULT_MAX_BODY, concurrency, queue, deadline);
    }

    @Test
    void theServerIsLiveButNotReadyUntilTheModelHasLoaded() {
        try (TestServer http = TestServer.listening(TestServer.settings(), System.err)) {
            assertThat(http.get("/v2/health/live").statusCode()).isEqualTo(200);
            HttpResponse<String> ready = http.get("/v2/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.headers().firstValue("Retry-After")).hasValue("1");
            HttpResponse<String> upload = http.post("/predictions/hcr", "image/jpeg", A);
            assertThat(upload.statusCode()).isEqualTo(503);
            assertThat(upload.body()).contains("model loading");

            double seconds = http.server.load(() -> TestServer.model(new hcr.recognise.EmnistTranslator(
                    hcr.image.ImageDecoder.withDefaults())));

            assertThat(seconds).isPositive();
            assertThat(http.get("/v2/health/ready").statusCode()).isEqualTo(200);
            assertThat(http.post("/predictions/hcr", "image/jpeg", A).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFloodBeyondTheQueueGets503WithRetryAfterAndEveryAcceptedRequestItsAnswer() throws Exception {
        try (TestServer http = TestServer.ready(limits(1, 2, Duration.ofSeconds(30)), new SlowTranslator(300))) {
            List<HttpResponse<String>> answers = flood(http, 10);

            List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
            assertThat(statuses).containsOnly(200, 503);
            assertThat(statuses).filteredOn(s -> s == 200).hasSizeBetween(3, 9);
            assertThat(statuses).filteredOn(s -> s == 503).isNotEmpty();
            for (HttpResponse<String> answer : answers) {
                if (answer.statusCode() == 200) {
                    assertThat(answer.body()).contains("\"char\":\"A\"");
                } else {
                    assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
                    assertThat(answer.body()).contains("server busy");
                }
            }
            String metrics = http.get("/metrics").body();
            assertThat(metrics).contains("hcr_http_requests_total{endpoint=\"/predictions/hcr\",status=\"503\"}");
            assertThat(metrics).contains("hcr_queue_depth 0.0");
        }
    }

    @Test
    void aRequestWaitingPastItsDeadlineGets503() throws Exception {
        try (TestServer http = TestServer.ready(limits(1, 10, Duration.ofMillis(700)), new SlowTranslator(400))) {
            List<HttpResponse<String>> answers = flood(http, 4);

            assertThat(answers).extracting(HttpResponse::statusCode).contains(200, 503);
            assertThat(answers).filteredOn(r -> r.statusCode() == 503)
                    .allSatisfy(r -> assertThat(r.body()).contains("deadline passed"));
        }
    }

    @Test
    void stoppingWhileBusyFinishesTheRequestsInFlightAndRefusesNewOnes() throws Exception {
        TestServer http = TestServer.ready(limits(2, 8, Duration.ofSeconds(30)), new SlowTranslator(800));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                inFlight.add(clients.submit(() -> http.post("/predictions/hcr", "image/jpeg", A)));
            }
            awaitInFlight(http, 2);

            long begin = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(http.server::stop);
            while (http.server.isReady()) {
                Thread.sleep(5);
            }
            HttpResponse<String> readyWhileDraining = http.get("/v2/health/ready");
            HttpResponse<String> uploadWhileDraining = http.post("/predictions/hcr", "image/jpeg", A);
            stopping.get(15, java.util.concurrent.TimeUnit.SECONDS);
            double stopSeconds = (System.nanoTime() - begin) / 1e9;

            assertThat(readyWhileDraining.statusCode()).isEqualTo(503);
            assertThat(uploadWhileDraining.statusCode()).isEqualTo(503);
            assertThat(uploadWhileDraining.body()).contains("server stopping");
            for (Future<HttpResponse<String>> answer : inFlight) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).contains("\"char\":\"A\"");
            }
            assertThat(stopSeconds).as("drained within the bound").isLessThan(10);
            assertThat(refusedOr503(http)).isTrue();
        } finally {
            clients.shutdownNow();
            http.close();
        }
    }

    @Test
    void theDrainTimeoutBoundsAStopEvenWhenARequestTakesLonger() throws Exception {
        ServeSettings settings = new ServeSettings("127.0.0.1", 0, ServeSettings.DEFAULT_MAX_BODY, 1, 4, Duration.ofSeconds(30),
                Duration.ofMillis(500), hcr.recognise.Charset.all(), 5, false, List.of());
        TestServer http = TestServer.ready(settings, new SlowTranslator(4000));
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(
                () -> http.post("/predictions/hcr", "image/jpeg", A));
        try {
            awaitInFlight(http, 1);
            long begin = System.nanoTime();
            http.server.stop();
            assertThat((System.nanoTime() - begin) / 1e9).isLessThan(3.0);
        } finally {
            http.close();
            slow.handle((r, e) -> null).join();
        }
    }

    @Test
    void aRequestRefusedBeforeItsBodyArrivedLeavesItsConnectionUsable() throws Exception {
        try (TestServer http = TestServer.ready(); Socket socket = new Socket("127.0.0.1", http.server.uri().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            out.write(ascii("POST /read HTTP/1.1\r\nHost: test\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\n"));
            out.flush();
            Thread.sleep(300); // the server has the headers and refuses them (415) while the body is on its way
            out.write(ascii("71L" + "GET /v2/health/live HTTP/1.1\r\nHost: test\r\n\r\n"));
            out.flush();

            String refused = readResponse(in);
            String next = readResponse(in);

            assertThat(refused).startsWith("HTTP/1.1 415 ").doesNotContainIgnoringCase("connection: close");
            assertThat(next).startsWith("HTTP/1.1 200 ").contains("\"live\":true");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One HTTP/1.1 response with a Content-Length body, read off the socket; "" at end of stream. */
    private static String readResponse(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void metricsCountRequestsByEndpointAndStatusPicturesAndModelLoadTime() {
        try (TestServer http = TestServer.ready()) {
            http.post("/predictions/hcr", "image/jpeg", A);
            http.post("/predictions/hcr", "text/plain", A);
            http.get("/no/such/path");

            HttpResponse<String> response = http.get("/metrics");

            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(response.body())
                    .contains("hcr_http_requests_total{endpoint=\"/predictions/hcr\",status=\"200\"} 1.0")
                    .contains("hcr_http_requests_total{endpoint=\"/predictions/hcr\",status=\"415\"} 1.0")
                    .contains("hcr_http_requests_total{endpoint=\"other\",status=\"404\"} 1.0")
                    .contains("hcr_http_request_duration_seconds_bucket{endpoint=\"/predictions/hcr\",le=\"+Inf\"} 2")
                    .contains("hcr_pictures_scored_total 1.0")
                    .contains("hcr_ready 1.0")
                    // a positive number of seconds, however long the load took on a busy machine
                    .containsPattern("hcr_model_load_seconds (?!0\\.0+\\b)\\d+\\.\\d+");
        }
    }

    @Test
    void corsHeadersOnlyForTheOriginsGiven() {
        ServeSettings cors = new ServeSettings("127.0.0.1", 0, ServeSettings.DEFAULT_MAX_BODY, 2, 8, Duration.ofSeconds(10),
                Duration.ofSeconds(1), hcr.recognise.Charset.all(), 5, false, List.of("http://app.example"));
        try (TestServer open = TestServer.ready(cors, hcr.recognise.EmnistTranslator.withDefaults());
             TestServer closed = TestServer.listening(TestServer.settings(), System.err)) {
            HttpResponse<String> preflight = open.send(HttpRequest.newBuilder(open.uri("/predictions/hcr"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "http://app.example").header("Access-Control-Request-Method", "POST"));
            HttpResponse<String> other = open.send(HttpRequest.newBuilder(open.uri("/v2")).header("Origin", "http://evil.example"));
            HttpResponse<String> off = closed.send(HttpRequest.newBuilder(closed.uri("/v2")).header("Origin", "http://app.example"));

            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://app.example");
            assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(off.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void theAccessLogIsOffByDefaultAndOneLinePerRequestWhenOn() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServeSettings on = new ServeSettings("127.0.0.1", 0, ServeSettings.DEFAULT_MAX_BODY, 2, 8, Duration.ofSeconds(10),
                Duration.ofSeconds(1), hcr.recognise.Charset.all(), 5, true, List.of());
        try (TestServer logged = TestServer.listening(on, new PrintStream(log, true, StandardCharsets.UTF_8))) {
            logged.get("/v2/health/live");
            logged.get("/v2");
        }
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        try (TestServer silent = TestServer.listening(TestServer.settings(), new PrintStream(quiet, true, StandardCharsets.UTF_8))) {
            silent.get("/v2/health/live");
        }

        assertThat(log.toString(StandardCharsets.UTF_8)).contains("\"GET /v2/health/live HTTP/1.1\" 200", "\"GET /v2 HTTP/1.1\" 200");
        assertThat(quiet.size()).isZero();
    }

    private static void awaitInFlight(TestServer http, int requests) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (http.server.inFlight() < requests && System.nanoTime() - end < 0) {
            Thread.sleep(5);
        }
        assertThat(http.server.inFlight()).isEqualTo(requests);
    }

    private static List<HttpResponse<String>> flood(TestServer http, int requests) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(requests);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(clients.submit(() -> http.post("/predictions/hcr", "image/jpeg", A)));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    /** After a stop, a new request is refused at the door or answered 503; never scored, never a 500. */
    private static boolean refusedOr503(TestServer http) {
        try {
            return http.get("/v2/health/ready").statusCode() == 503;
        } catch (UncheckedIOException refused) {
            return true;
        }
    }
}
