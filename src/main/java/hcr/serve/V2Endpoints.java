package hcr.serve;

import hcr.image.EmnistTensor;
import hcr.recognise.Candidate;
import hcr.recognise.Labeller;
import hcr.recognise.Recogniser;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;

/**
 * The Open Inference Protocol v2 (KServe v2 / Triton REST): server and model metadata, health,
 * and infer with the classification and binary tensor data extensions, so a stock Triton or
 * KServe HTTP client works unchanged.
 */
final class V2Endpoints {
    static final String MODEL = "hcr";
    static final String HEADER_LENGTH = "Inference-Header-Content-Length";

    private final Scoring scoring;
    private final ServerMetrics metrics;
    private final long maxBody;
    private final String serverVersion;

    V2Endpoints(Scoring scoring, ServerMetrics metrics, long maxBody, String serverVersion) {
        this.scoring = scoring;
        this.metrics = metrics;
        this.maxBody = maxBody;
        this.serverVersion = serverVersion;
    }

    void addTo(Router router) {
        router.add("GET", "/v2", r -> Reply.json(Map.of("name", "hcr", "version", serverVersion,
                        "extensions", List.of("binary_tensor_data", "classification"))))
                .add("GET", "/v2/health/live", r -> Reply.json(Map.of("live", true)))
                .add("GET", "/v2/health/ready", r -> ready())
                .add("GET", "/v2/models/" + MODEL, r -> metadata())
                .add("GET", "/v2/models/" + MODEL + "/ready", r -> ready())
                .add("POST", "/v2/models/" + MODEL + "/infer", this::infer);
    }

    private Reply ready() {
        scoring.require();
        return Reply.json(Map.of("ready", true));
    }

    private Reply metadata() {
        ServedModel model = scoring.require().model();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", MODEL);
        meta.put("versions", List.of(model.version()));
        meta.put("platform", model.platform());
        meta.put("inputs", List.of(Map.of("name", InferRequest.INPUT, "datatype", "FP32", "shape", List.of(-1, 28, 28, 1))));
        meta.put("outputs", List.of(Map.of("name", InferRequest.OUTPUT, "datatype", "FP32",
                "shape", List.of(-1, model.recogniser().model().labels().size()))));
        meta.put("parameters", Map.of("labels", String.join("", model.recogniser().model().labels()),
                "also_accepts", "input 'image' as BYTES [N]: encoded pictures, pre-processed as /predictions/hcr does"));
        return Reply.json(meta);
    }

    private Reply infer(Request request) throws Exception {
        String media = Bodies.mediaType(request);
        if (!(media.isEmpty() || media.equals("application/json") || media.equals("application/octet-stream"))) {
            throw HttpError.unsupportedMedia("unsupported media type '" + media
                    + "': send application/json, or application/octet-stream with " + HEADER_LENGTH);
        }
        int headerLength = headerLength(request.getHeaders().get(HEADER_LENGTH));
        return scoring.run(request, turn -> {
            InferRequest infer = InferRequest.parse(Bodies.read(request, maxBody), headerLength);
            Recogniser core = turn.loaded().recognisers().core();
            float[] tensors = infer.tensors() != null ? infer.tensors() : translate(core, infer.pictures());
            turn.checkDeadline();
            float[] probabilities = core.probabilities(tensors, infer.count());
            metrics.scored(infer.count());
            return answer(infer, probabilities, turn, core.model().labels());
        });
    }

    private static int headerLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            int length = Integer.parseInt(value.strip());
            if (length >= 0) {
                return length;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.badRequest(HEADER_LENGTH + " must be a byte count, got '" + value + "'");
    }

    /** BYTES inputs: each picture through the same pre-processing as an upload; one bad picture fails the request. */
    private float[] translate(Recogniser core, List<byte[]> pictures) {
        float[] tensors = new float[pictures.size() * EmnistTensor.PIXELS];
        for (int i = 0; i < pictures.size(); i++) {
            try {
                core.translator().translate(pictures.get(i), tensors, i * EmnistTensor.PIXELS);
            } catch (RuntimeException | OutOfMemoryError e) {
                metrics.failed(1);
                throw HttpError.badRequest("input '" + InferRequest.INPUT + "' element " + i + ": " + Recogniser.reasonFor(e));
            }
        }
        return tensors;
    }

    private Reply answer(InferRequest infer, float[] probabilities, Scoring.Turn turn, List<String> labels) {
        List<InferRequest.RequestedOutput> wanted = infer.outputs().isEmpty()
                ? List.of(new InferRequest.RequestedOutput(InferRequest.OUTPUT, 0, null))
                : infer.outputs();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("model_name", MODEL);
        header.put("model_version", turn.loaded().model().version());
        if (infer.id() != null) {
            header.put("id", infer.id());
        }
        List<Map<String, Object>> outputs = new ArrayList<>();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        for (InferRequest.RequestedOutput output : wanted) {
            boolean asBinary = output.binary() != null ? output.binary() : infer.binaryByDefault();
            Map<String, Object> tensor = new LinkedHashMap<>();
            tensor.put("name", output.name());
            byte[] raw;
            if (output.classification() == 0) {
                tensor.put("datatype", "FP32");
                tensor.put("shape", List.of(infer.count(), labels.size()));
                raw = asBinary ? littleEndian(probabilities) : null;
                if (!asBinary) {
                    tensor.put("data", probabilities);
                }
            } else {
                Labeller labeller = turn.recogniser(infer.charset(), output.classification()).labeller();
                List<String> classes = classification(labeller, probabilities, infer.count(), labels);
                tensor.put("datatype", "BYTES");
                tensor.put("shape", List.of(infer.count(), labeller.candidateCount()));
                raw = asBinary ? lengthPrefixed(classes) : null;
                if (!asBinary) {
                    tensor.put("data", classes);
                }
            }
            if (raw != null) {
                tensor.put("parameters", Map.of("binary_data_size", raw.length));
                binary.writeBytes(raw);
            }
            outputs.add(tensor);
        }
        header.put("outputs", outputs);
        byte[] json = Json.bytes(header);
        if (binary.size() == 0) {
            return Reply.bytes(Reply.JSON, json);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(json.length + binary.size());
        body.writeBytes(json);
        body.writeBytes(binary.toByteArray());
        return Reply.bytes("application/octet-stream", body.toByteArray())
                .withHeader(HEADER_LENGTH, Integer.toString(json.length));
    }

    /** Triton's classification strings, {@code "<probability>:<class index>:<label>"}, best first per image. */
    private static List<String> classification(Labeller labeller, float[] probabilities, int count, List<String> labels) {
        List<String> out = new ArrayList<>(count * labeller.candidateCount());
        for (int i = 0; i < count; i++) {
            for (Candidate c : labeller.candidates(probabilities, i * labels.size())) {
                out.add(String.format(Locale.ROOT, "%f:%d:%s", c.probability(), labels.indexOf(c.character()), c.character()));
            }
        }
        return out;
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }

    private static byte[] lengthPrefixed(List<String> elements) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
        for (String element : elements) {
            byte[] bytes = element.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(length.clear().putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
