package hcr.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** The server's one JSON mapper and its error body, {@code {"error": "..."}} (the v2 protocol's shape). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] error(String message) {
        return bytes(Map.of("error", message));
    }

    /** @throws HttpError 400 naming where the JSON is broken */
    static JsonNode parse(byte[] body, int offset, int length) {
        try {
            JsonNode node = MAPPER.readTree(body, offset, length);
            if (node == null || node.isMissingNode()) {
                throw HttpError.badRequest("empty JSON body");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("bad JSON: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw HttpError.badRequest("unreadable JSON: " + e.getMessage());
        }
    }
}
