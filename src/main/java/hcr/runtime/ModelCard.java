package hcr.runtime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import hcr.io.AtomicWrite;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON card beside every model ({@value #FILE_NAME}): what the model expects and what it
 * says, so any runtime (and any other platform) can use it without hcr's code.
 *
 * @param name          model name, e.g. "hcr-emnist-byclass"
 * @param version       model version
 * @param labels        one character per output, in output order
 * @param input         input tensor name ("image"), float32 [N,28,28,1]
 * @param output        output tensor name ("probabilities"), float32 [N,labels]
 * @param preprocessing the preprocessing contract version the model was trained for
 * @param training      data, hyperparameters, epochs, time: free-form for people
 * @param metrics       named figures (validation/holdout accuracy, loss, ...)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCard(
        String name,
        String version,
        List<String> labels,
        String input,
        String output,
        String preprocessing,
        Map<String, Object> training,
        Map<String, Object> metrics) {

    public static final String FILE_NAME = "model-card.json";
    public static final String INPUT = "image";
    public static final String OUTPUT = "probabilities";
    /** Bump when preprocessing changes what the model sees. */
    public static final String PREPROCESSING = "emnist-v1: greyscale; ink light on dark;"
            + " paper level removed; crop to the ink; longer side area-averaged to 23 px, centred by its box in 28x28;"
            + " upright; values in [0,1]";

    /** Only writing uses databind, built on first use: reading a card (every scoring run) does not need it. */
    private static final class Databind {
        static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public ModelCard {
        labels = List.copyOf(labels);
        // Insertion order kept, so the JSON reads in the order its writer chose.
        training = training == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(training));
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public static ModelCard read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("model card not found: " + file);
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return ModelCardReader.read(in);
        } catch (IOException e) {
            throw invalid("model card " + file, e);
        }
    }

    /** The card in {@code json}; {@code what} names where it came from in the message when it is not a card. */
    public static ModelCard parse(String json, String what) {
        try {
            return ModelCardReader.read(new StringReader(json));
        } catch (IOException e) {
            throw invalid(what, e);
        }
    }

    private static ModelException invalid(String what, IOException e) {
        if (e instanceof ModelCardReader.NoLabelsException) {
            return new ModelException(what + " lists no labels", e);
        }
        String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return new ModelException(what + " is not valid JSON: " + reason, e);
    }

    /** Writes the card atomically (temporary file, then rename). */
    public void write(Path file) {
        try {
            AtomicWrite.write(file, out -> Databind.JSON.writeValue(out, this));
        } catch (IOException e) {
            throw new ModelException("cannot write model card " + file + ": " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return Databind.JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ModelCard withMetrics(Map<String, Object> newMetrics) {
        return new ModelCard(name, version, labels, input, output, preprocessing, training, newMetrics);
    }
}
