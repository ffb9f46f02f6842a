package hcr.serve;

import static hcr.serve.TestServer.JSON;
import static hcr.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hcr.recognise.EmnistTranslator;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Open Inference Protocol v2 as KServe and Triton clients speak it. */
class V2ProtocolTest {
    private static final String LABELS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.ready();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static float[] tensorOf(String sample) {
        float[] tensor = new float[784];
        EmnistTranslator.withDefaults().translate(TestServer.sample(sample), tensor, 0);
        return tensor;
    }

    private static HttpResponse<String> infer(Object request) throws Exception {
        return http.post("/v2/models/hcr/infer", "application/json", JSON.writeValueAsBytes(request));
    }

    private static Map<String, Object> fp32(float[]... images) {
        List<Float> data = new ArrayList<>();
        for (float[] image : images) {
            for (float v : image) {
                data.add(v);
            }
        }
        return Map.of("name", "image", "datatype", "FP32", "shape", List.of(images.length, 28, 28, 1), "data", data);
    }

    private static int argmax(JsonNode data, int row) {
        int best = 0;
        for (int i = 1; i < 62; i++) {
            if (data.get(row * 62 + i).asDouble() > data.get(row * 62 + best).asDouble()) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void serverMetadataNamesTheExtensions() throws Exception {
        JsonNode meta = json(http.get("/v2"));

        assertThat(meta.get("name").asText()).isEqualTo("hcr");
        assertThat(meta.get("extensions").toString()).contains("binary_tensor_data", "classification");
    }

    @Test
    void healthAndModelReadinessAre200OnceLoaded() {
        assertThat(http.get("/v2/health/live").statusCode()).isEqualTo(200);
        assertThat(http.get("/v2/health/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/v2/models/hcr/ready").statusCode()).isEqualTo(200);
        assertThat(http.get("/ping").body()).contains("Healthy");
    }

    @Test
    void modelMetadataDescribesTheTensorContract() throws Exception {
        JsonNode meta = json(http.get("/v2/models/hcr"));

        assertThat(meta.get("platform").asText()).isEqualTo("onnxruntime_onnx");
        assertThat(meta.get("inputs").get(0).get("shape").toString()).isEqualTo("[-1,28,28,1]");
        assertThat(meta.get("inputs").get(0).get("datatype").asText()).isEqualTo("FP32");
        assertThat(meta.get("outputs").get(0).get("name").asText()).isEqualTo("probabilities");
        assertThat(meta.get("outputs").get(0).get("shape").toString()).isEqualTo("[-1,62]");
    }

    @Test
    void fp32ImagesInJsonGiveProbabilitiesForEveryClass() throws Exception {
        HttpResponse<String> response = infer(Map.of("id", "r1", "inputs", List.of(fp32(tensorOf("letter_A.jpg"), tensorOf("number_3.png")))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode out = json(response);
        assertThat(out.get("id").asText()).isEqualTo("r1");
        assertThat(out.get("model_name").asText()).isEqualTo("hcr");
        JsonNode probabilities = out.get("outputs").get(0);
        assertThat(probabilities.get("datatype").asText()).isEqualTo("FP32");
        assertThat(probabilities.get("shape").toString()).isEqualTo("[2,62]");
        assertThat(probabilities.get("data")).hasSize(124);
        assertThat(LABELS.charAt(argmax(probabilities.get("data"), 0))).isEqualTo('A');
        assertThat(LABELS.charAt(argmax(probabilities.get("data"), 1))).isEqualTo('3');
        double sum = 0;
        for (int i = 0; i < 62; i++) {
            sum += probabilities.get("data").get(i).asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void nestedDataInTheShapeOfTheTensorIsAcceptedToo() throws Exception {
        float[] a = tensorOf("letter_A.jpg");
        List<Object> rows = new ArrayList<>();
        for (int y = 0; y < 28; y++) {
            List<Object> row = new ArrayList<>();
            for (int x = 0; x < 28; x++) {
                row.add(List.of(a[y * 28 + x]));
            }
            rows.add(row);
        }
        HttpResponse<String> response = infer(Map.of("inputs",
                List.of(Map.of("name", "image", "datatype", "FP32", "shape", List.of(1, 28, 28, 1), "data", List.of(rows)))));

        assertThat(LABELS.charAt(argmax(json(response).get("outputs").get(0).get("data"), 0))).isEqualTo('A');
    }

    @Test
    void theClassificationParameterAnswersTritonsProbabilityIndexLabelStrings() throws Exception {
        HttpResponse<String> response = infer(Map.of("inputs", List.of(fp32(tensorOf("letter_A.jpg"))),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("classification", 3)))));

        JsonNode output = json(response).get("outputs").get(0);
        assertThat(output.get("datatype").asText()).isEqualTo("BYTES");
        assertThat(output.get("shape").toString()).isEqualTo("[1,3]");
        assertThat(output.get("data").get(0).asText()).matches("0\\.\\d{6}:10:A");
        assertThat(output.get("data")).hasSize(3);
    }

    @Test
    void classificationHonoursTheRequestsCharset() throws Exception {
        HttpResponse<String> response = infer(Map.of("inputs", List.of(fp32(tensorOf("letter_B.png"))),
                "parameters", Map.of("charset", "digits"),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("classification", 1)))));

        assertThat(json(response).get("outputs").get(0).get("data").get(0).asText()).matches("[01]\\.\\d{6}:\\d:\\d");
    }

    @Test
    void bytesInputsCarryEncodedPicturesThroughThePreprocessing() throws Exception {
        String a = Base64.getEncoder().encodeToString(TestServer.sample("letter_A.jpg"));
        String x = Base64.getEncoder().encodeToString(TestServer.sample("letter_X.png"));
        HttpResponse<String> response = infer(Map.of("inputs",
                List.of(Map.of("name", "image", "datatype", "BYTES", "shape", List.of(2), "data", List.of(a, x))),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("classification", 1)))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).get("outputs").get(0).get("data");
        assertThat(data.get(0).asText()).endsWith(":10:A");
        assertThat(data.get(1).asText()).endsWith(":33:X");
    }

    @Test
    void anUndecodableBytesElementIs400NamingTheElement() throws Exception {
        String good = Base64.getEncoder().encodeToString(TestServer.sample("letter_A.jpg"));
        String bad = Base64.getEncoder().encodeToString("nope".getBytes());
        HttpResponse<String> response = infer(Map.of("inputs",
                List.of(Map.of("name", "image", "datatype", "BYTES", "shape", List.of(2), "data", List.of(good, bad)))));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("input 'image' element 1: not an image (unrecognised content)");
    }

    @Test
    void binaryFp32InputAndBinaryOutputFollowTheTritonExtension() throws Exception {
        float[] a = tensorOf("letter_A.jpg");
        ByteBuffer raw = ByteBuffer.allocate(784 * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(a);
        byte[] header = JSON.writeValueAsBytes(Map.of(
                "inputs", List.of(Map.of("name", "image", "datatype", "FP32", "shape", List.of(1, 28, 28, 1),
                        "parameters", Map.of("binary_data_size", 784 * 4))),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("binary_data", true)))));

        HttpResponse<byte[]> response = http.sendForBytes(HttpRequest.newBuilder(http.uri("/v2/models/hcr/infer"))
                .header("Content-Type", "application/octet-stream")
                .header("Inference-Header-Content-Length", Integer.toString(header.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(header, raw.array()))));

        assertThat(response.statusCode()).isEqualTo(200);
        int jsonLength = Integer.parseInt(response.headers().firstValue("Inference-Header-Content-Length").orElseThrow());
        JsonNode out = JSON.readTree(new String(response.body(), 0, jsonLength, StandardCharsets.UTF_8));
        JsonNode output = out.get("outputs").get(0);
        assertThat(output.get("parameters").get("binary_data_size").asInt()).isEqualTo(62 * 4);
        assertThat(output.has("data")).isFalse();
        assertThat(response.body()).hasSize(jsonLength + 62 * 4);
        ByteBuffer probabilities = ByteBuffer.wrap(response.body(), jsonLength, 62 * 4).order(ByteOrder.LITTLE_ENDIAN);
        int best = 0;
        float bestP = -1;
        for (int i = 0; i < 62; i++) {
            float p = probabilities.getFloat();
            if (p > bestP) {
                bestP = p;
                best = i;
            }
        }
        assertThat(LABELS.charAt(best)).isEqualTo('A');
    }

    @Test
    void binaryBytesInputIsLengthPrefixedPictures() throws Exception {
        byte[] a = TestServer.sample("letter_A.jpg");
        ByteBuffer raw = ByteBuffer.allocate(4 + a.length).order(ByteOrder.LITTLE_ENDIAN).putInt(a.length).put(a);
        byte[] header = JSON.writeValueAsBytes(Map.of(
                "inputs", List.of(Map.of("name", "image", "datatype", "BYTES", "shape", List.of(1),
                        "parameters", Map.of("binary_data_size", raw.capacity()))),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("classification", 1, "binary_data", false)))));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/v2/models/hcr/infer"))
                .header("Inference-Header-Content-Length", Integer.toString(header.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(concat(header, raw.array()))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("outputs").get(0).get("data").get(0).asText()).endsWith(":10:A");
    }

    @Test
    void everyMalformedRequestIs400NamingWhatIsWrong() throws Exception {
        float[] blank = new float[784];
        assertError(http.post("/v2/models/hcr/infer", "application/json", "{\"inputs\": [".getBytes()), "bad JSON");
        assertError(infer(Map.of("inputs", List.of())), "exactly one input");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "pixels", "datatype", "FP32", "shape", List.of(1, 28, 28, 1),
                "data", List.of())))), "unknown input 'pixels'");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "image", "datatype", "FP32", "shape", List.of(1, 784),
                "data", List.of())))), "FP32 images must be [N,28,28,1]");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "image", "datatype", "INT8", "shape", List.of(1, 28, 28, 1),
                "data", List.of())))), "unsupported datatype 'INT8'");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "image", "datatype", "FP32", "shape", List.of(2, 28, 28, 1),
                "data", List.of(1, 2, 3))))), "has 3 values; its shape needs 1568");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "image", "datatype", "FP32", "shape", List.of(1, 28, 28, 1),
                "data", List.of("a"))))), "must be numbers");
        assertError(infer(Map.of("inputs", List.of(fp32(blank)), "outputs", List.of(Map.of("name", "logits")))),
                "unknown output 'logits'");
        assertError(infer(Map.of("inputs", List.of(fp32(blank)),
                "outputs", List.of(Map.of("name", "probabilities", "parameters", Map.of("classification", 0))))),
                "classification must be a positive whole number");
        assertError(infer(Map.of("inputs", List.of(Map.of("name", "image", "datatype", "BYTES", "shape", List.of(1),
                "data", List.of("***"))))), "not base64");
    }

    @Test
    void binaryBodiesThatDoNotAddUpAre400() {
        HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(http.uri("/v2/models/hcr/infer"))
                .header("Inference-Header-Content-Length", "9999")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("longer than the body");
    }

    @Test
    void unknownModelsAre404WrongMethods405AndTextBodies415() {
        assertThat(http.get("/v2/models/mnist").statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/models/mnist").body()).contains("the model is named hcr");
        HttpResponse<String> get = http.get("/v2/models/hcr/infer");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(http.post("/v2/models/hcr/infer", "text/plain", "x".getBytes()).statusCode()).isEqualTo(415);
    }

    private static void assertError(HttpResponse<String> response, String reason) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains(reason);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
