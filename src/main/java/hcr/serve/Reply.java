package hcr.serve;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an endpoint answers: status, media type, body and extra headers. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";

    static Reply json(Object value) {
        return new Reply(200, JSON, Json.bytes(value), Map.of());
    }

    static Reply text(String contentType, String text) {
        return new Reply(200, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply bytes(String contentType, byte[] body) {
        return new Reply(200, contentType, body, Map.of());
    }

    static Reply error(HttpError error) {
        return new Reply(error.status(), JSON, Json.error(error.getMessage()), error.headers());
    }

    Reply withStatus(int code) {
        return new Reply(code, contentType, body, headers);
    }

    Reply withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply(status, contentType, body, more);
    }
}
