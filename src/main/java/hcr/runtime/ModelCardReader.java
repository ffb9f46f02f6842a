package hcr.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link ModelCard} with Jackson's streaming parser, as databind would (unknown fields
 * ignored, numbers as Integer/Long/BigInteger/Double, objects in their order). Every command that
 * scores loads a card first, and databind's set-up and record introspection cost a one-picture run
 * more CPU than ONNX Runtime's session (measured: 0.1-0.3 s): the card alone does not need it.
 */
final class ModelCardReader {
    private static final JsonFactory JSON = new JsonFactory();

    private ModelCardReader() {
    }

    /** The card in {@code in}; an {@link IOException} for malformed JSON or a field of the wrong kind. */
    static ModelCard read(Reader in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "a model card is a JSON object");
            }
            String name = null, version = null, input = null, output = null, preprocessing = null;
            List<String> labels = null;
            Map<String, Object> training = null, metrics = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "name" -> name = text(p);
                    case "version" -> version = text(p);
                    case "labels" -> labels = texts(p);
                    case "input" -> input = text(p);
                    case "output" -> output = text(p);
                    case "preprocessing" -> preprocessing = text(p);
                    case "training" -> training = object(p);
                    case "metrics" -> metrics = object(p);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new JsonParseException(p, "unexpected end of the model card");
            }
            if (labels == null || labels.isEmpty()) {
                throw new NoLabelsException();
            }
            return new ModelCard(name, version, labels, input, output, preprocessing, training, metrics);
        }
    }

    /** A card that parses but lists no labels: its own message, not "invalid JSON". */
    static final class NoLabelsException extends IOException {
        NoLabelsException() {
            super("lists no labels");
        }
    }

    /** A string field; like databind, a number or boolean is taken as its text. */
    private static String text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == null || !token.isScalarValue()) {
            throw new JsonParseException(p, "'" + p.currentName() + "' must be a string, not " + describe(token));
        }
        return p.getText();
    }

    private static List<String> texts(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new JsonParseException(p, "'labels' must be a list of strings, not " + describe(p.currentToken()));
        }
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String label = text(p);
            if (label == null) {
                throw new JsonParseException(p, "'labels' holds a null");
            }
            list.add(label);
        }
        return list;
    }

    private static Map<String, Object> object(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "'" + p.currentName() + "' must be an object, not " + describe(p.currentToken()));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, value(p));
        }
        return map;
    }

    private static Object value(JsonParser p) throws IOException {
        if (p.currentToken() == null) {
            throw new JsonParseException(p, "unexpected end of the model card");
        }
        return switch (p.currentToken()) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonParseException(p, "unexpected " + describe(p.currentToken()));
        };
    }

    private static String describe(JsonToken token) {
        return token == null ? "the end of the input" : switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            default -> token.asString() != null ? token.asString() : token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
