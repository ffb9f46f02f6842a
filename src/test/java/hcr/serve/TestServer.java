package hcr.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.image.ImageDecoder;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.InputTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A {@link RecognitionServer} on a free loopback port with the shipped ONNX model, and an
 * {@link HttpClient} to talk to it as any client would.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** A JSON answer's body, parsed. */
    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static final Path MODEL = Path.of("onnx/hcr.onnx");

    final RecognitionServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(RecognitionServer server) {
        this.server = server;
    }

    static ServeSettings settings() {
        return ServeSettings.defaults(0);
    }

    static TestServer ready() {
        return ready(settings(), EmnistTranslator.withDefaults());
    }

    static TestServer ready(ServeSettings settings, InputTranslator translator) {
        return ready(settings, () -> model(translator, ImageDecoder.withDefaults()));
    }

    static TestServer ready(ServeSettings settings, Supplier<ServedModel> model) {
        TestServer s = listening(settings, System.err);
        s.server.load(model);
        return s;
    }

    /** Live but not ready: the model is not loaded. */
    static TestServer listening(ServeSettings settings, PrintStream log) {
        RecognitionServer server = new RecognitionServer(settings, "test", log);
        server.start();
        return new TestServer(server);
    }

    static ServedModel model(InputTranslator translator) {
        return model(translator, ImageDecoder.withDefaults());
    }

    static ServedModel model(InputTranslator translator, ImageDecoder decoder) {
        ScoringModel scorer = Backends.named("onnx").load(MODEL, new BackendOptions(1));
        return new ServedModel("hcr", "1", "onnxruntime_onnx", Recogniser.of(scorer, translator, Charset.all(), 5), decoder);
    }

    static byte[] sample(String name) {
        try {
            return Files.readAllBytes(Path.of("tools/samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
