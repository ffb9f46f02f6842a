package hcr.serve;

import com.fasterxml.jackson.databind.JsonNode;
import hcr.image.EmnistTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A v2 infer request, checked: exactly one input {@code image}, either FP32 [N,28,28,1] images in
 * the tensor contract or BYTES [N] encoded pictures (base64 strings in JSON, length-prefixed raw
 * bytes in the binary extension), and the outputs asked for. Every way a request can be wrong
 * is a 400 naming the field.
 *
 * @param tensors  FP32 images, row-major (null for BYTES)
 * @param pictures encoded pictures (null for FP32)
 */
record InferRequest(String id, int count, float[] tensors, List<byte[]> pictures, List<RequestedOutput> outputs,
                    boolean binaryByDefault, String charset) {
    static final String INPUT = "image";
    static final String OUTPUT = "probabilities";
    static final int MAX_IMAGES = 4096;

    /** An output the client asked for; {@code classification} is 0 for the raw probabilities. */
    record RequestedOutput(String name, int classification, Boolean binary) {
    }

    /**
     * @param headerLength the {@code Inference-Header-Content-Length} (JSON header then binary
     *                     tensors), or -1 when the whole body is JSON
     */
    static InferRequest parse(byte[] body, int headerLength) {
        int jsonLength = headerLength < 0 ? body.length : headerLength;
        if (jsonLength > body.length) {
            throw HttpError.badRequest("Inference-Header-Content-Length " + headerLength + " is longer than the body ("
                    + body.length + " bytes)");
        }
        JsonNode root = Json.parse(body, 0, jsonLength);
        if (!root.isObject()) {
            throw HttpError.badRequest("the request must be a JSON object with \"inputs\"");
        }
        JsonNode inputs = root.path("inputs");
        if (!inputs.isArray() || inputs.size() != 1) {
            throw HttpError.badRequest("\"inputs\" must hold exactly one input named '" + INPUT + "'");
        }
        JsonNode input = inputs.get(0);
        String name = input.path("name").asText("");
        if (!INPUT.equals(name)) {
            throw HttpError.badRequest("unknown input '" + name + "': this model takes '" + INPUT + "'");
        }
        long[] shape = shape(input.path("shape"));
        String datatype = input.path("datatype").asText("");
        Binary binary = new Binary(body, jsonLength);
        String id = root.hasNonNull("id") ? root.get("id").asText() : null;
        JsonNode parameters = root.path("parameters");
        boolean binaryByDefault = parameters.path("binary_data_output").asBoolean(false);
        String charset = parameters.hasNonNull("charset") ? parameters.get("charset").asText() : null;
        List<RequestedOutput> outputs = outputs(root.path("outputs"));
        switch (datatype) {
            case "FP32" -> {
                int n = fp32Count(shape);
                float[] tensors = binary.isSent(input) ? binary.floats(input, n * EmnistTensor.PIXELS) : floats(input, n);
                binary.checkAllUsed();
                return new InferRequest(id, n, tensors, null, outputs, binaryByDefault, charset);
            }
            case "BYTES" -> {
                int n = bytesCount(shape);
                List<byte[]> pictures = binary.isSent(input) ? binary.elements(input, n) : base64(input, n);
                binary.checkAllUsed();
                return new InferRequest(id, n, null, pictures, outputs, binaryByDefault, charset);
            }
            default -> throw HttpError.badRequest("unsupported datatype '" + datatype + "' for input '" + INPUT
                    + "': use FP32 with shape [N,28,28,1] or BYTES (encoded pictures) with shape [N]");
        }
    }

    private static long[] shape(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            throw HttpError.badRequest("input '" + INPUT + "' needs a \"shape\" array");
        }
        long[] shape = new long[node.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = node.get(i);
            if (!d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 1) {
                throw HttpError.badRequest("input '" + INPUT + "' shape " + node + ": dimensions must be positive whole numbers");
            }
            shape[i] = d.asLong();
        }
        return shape;
    }

    private static int fp32Count(long[] shape) {
        if (shape.length != 4 || shape[1] != 28 || shape[2] != 28 || shape[3] != 1) {
            throw HttpError.badRequest("input '" + INPUT + "' has shape " + java.util.Arrays.toString(shape)
                    + "; FP32 images must be [N,28,28,1]");
        }
        return checkedCount(shape[0]);
    }

    private static int bytesCount(long[] shape) {
        if (!(shape.length == 1 || shape.length == 2 && shape[1] == 1)) {
            throw HttpError.badRequest("input '" + INPUT + "' has shape " + java.util.Arrays.toString(shape)
                    + "; BYTES pictures must be [N] or [N,1]");
        }
        return checkedCount(shape[0]);
    }

    private static int checkedCount(long n) {
        if (n > MAX_IMAGES) {
            throw HttpError.badRequest("at most " + MAX_IMAGES + " images per request, got " + n);
        }
        return (int) n;
    }

    /** JSON data, flat or nested as the shape; every value a number. */
    private static float[] floats(JsonNode input, int n) {
        JsonNode data = input.path("data");
        if (!data.isArray()) {
            throw HttpError.badRequest("input '" + INPUT + "' needs \"data\" (or binary_data_size with the binary extension)");
        }
        float[] out = new float[n * EmnistTensor.PIXELS];
        int[] filled = {0};
        flatten(data, out, filled);
        if (filled[0] != out.length) {
            throw HttpError.badRequest("input '" + INPUT + "' has " + filled[0] + " values; its shape needs " + out.length);
        }
        return out;
    }

    private static void flatten(JsonNode node, float[] out, int[] filled) {
        for (JsonNode v : node) {
            if (v.isArray()) {
                flatten(v, out, filled);
            } else if (v.isNumber()) {
                if (filled[0] == out.length) {
                    filled[0]++;
                    continue; // counted, reported as too many
                }
                out[filled[0]++] = v.floatValue();
            } else {
                throw HttpError.badRequest("input '" + INPUT + "' data: FP32 values must be numbers, found " + v.getNodeType());
            }
        }
    }

    private static List<byte[]> base64(JsonNode input, int n) {
        JsonNode data = input.path("data");
        if (!data.isArray()) {
            throw HttpError.badRequest("input '" + INPUT + "' needs \"data\" (or binary_data_size with the binary extension)");
        }
        List<byte[]> out = new ArrayList<>();
        for (JsonNode v : data) {
            JsonNode element = v.isArray() && v.size() == 1 ? v.get(0) : v;
            if (!element.isTextual()) {
                throw HttpError.badRequest("input '" + INPUT + "' data: BYTES elements must be base64 strings");
            }
            try {
                out.add(Base64.getDecoder().decode(element.asText()));
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("input '" + INPUT + "' element " + out.size() + " is not base64: " + e.getMessage());
            }
        }
        if (out.size() != n) {
            throw HttpError.badRequest("input '" + INPUT + "' has " + out.size() + " elements; its shape says " + n);
        }
        return out;
    }

    private static List<RequestedOutput> outputs(JsonNode node) {
        List<RequestedOutput> outputs = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return outputs;
        }
        if (!node.isArray()) {
            throw HttpError.badRequest("\"outputs\" must be an array");
        }
        for (JsonNode output : node) {
            String name = output.path("name").asText("");
            if (!OUTPUT.equals(name)) {
                throw HttpError.badRequest("unknown output '" + name + "': this model gives '" + OUTPUT + "'");
            }
            JsonNode parameters = output.path("parameters");
            JsonNode k = parameters.path("classification");
            int classification = 0;
            if (!k.isMissingNode()) {
                if (!k.isIntegralNumber() || k.asInt() < 1) {
                    throw HttpError.badRequest("output '" + OUTPUT + "' classification must be a positive whole number, got " + k);
                }
                classification = Math.min(k.asInt(), 62);
            }
            JsonNode binary = parameters.path("binary_data");
            outputs.add(new RequestedOutput(name, classification, binary.isBoolean() ? binary.asBoolean() : null));
        }
        return outputs;
    }

    /** The binary section after the JSON header, consumed input by input in order. */
    private static final class Binary {
        private final byte[] body;
        private int position;

        Binary(byte[] body, int start) {
            this.body = body;
            this.position = start;
        }

        boolean isSent(JsonNode input) {
            return input.path("parameters").has("binary_data_size");
        }

        private ByteBuffer take(JsonNode input) {
            JsonNode size = input.path("parameters").path("binary_data_size");
            if (!size.isIntegralNumber() || size.asLong() < 0 || size.asLong() > body.length - position) {
                throw HttpError.badRequest("input '" + INPUT + "' binary_data_size " + size + " does not fit the "
                        + (body.length - position) + " bytes after the JSON header");
            }
            ByteBuffer slice = ByteBuffer.wrap(body, position, size.asInt()).slice().order(ByteOrder.LITTLE_ENDIAN);
            position += size.asInt();
            return slice;
        }

        float[] floats(JsonNode input, int count) {
            ByteBuffer bytes = take(input);
            if (bytes.remaining() != count * Float.BYTES) {
                throw HttpError.badRequest("input '" + INPUT + "' has " + bytes.remaining() + " bytes; its shape needs "
                        + count * Float.BYTES + " (little-endian FP32)");
            }
            float[] out = new float[count];
            bytes.asFloatBuffer().get(out);
            return out;
        }

        /** Triton's BYTES serialisation: each element a 4-byte little-endian length, then its bytes. */
        List<byte[]> elements(JsonNode input, int count) {
            ByteBuffer bytes = take(input);
            List<byte[]> out = new ArrayList<>(count);
            while (bytes.hasRemaining()) {
                if (bytes.remaining() < 4) {
                    throw HttpError.badRequest("input '" + INPUT + "' BYTES data ends inside a length prefix");
                }
                int length = bytes.getInt();
                if (length < 0 || length > bytes.remaining()) {
                    throw HttpError.badRequest("input '" + INPUT + "' element " + out.size() + " claims " + length
                            + " bytes; " + bytes.remaining() + " are left");
                }
                byte[] element = new byte[length];
                bytes.get(element);
                out.add(element);
            }
            if (out.size() != count) {
                throw HttpError.badRequest("input '" + INPUT + "' has " + out.size() + " elements; its shape says " + count);
            }
            return out;
        }

        void checkAllUsed() {
            if (position != body.length) {
                throw HttpError.badRequest((body.length - position) + " bytes after the inputs' binary data were not claimed"
                        + " by any binary_data_size");
            }
        }
    }
}
