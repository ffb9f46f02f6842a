package hcr.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.recognise.Candidate;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JSON Lines results: one object per picture, {@code {"code":65,"char":"A","path":"a.png",
 * "candidates":[{"char":"A","prob":0.98},...]}} with the top K candidates, and failures as
 * {@code {"path":...,"reason":...}} lines in {@code <name>.errors.jsonl} beside it.
 */
public final class JsonlResults extends RowResults {
    /** How every line hcr writes begins: what tells hcr's own file from a user's. */
    public static final String LINE_START = "{\"code\":";
    public static final String ERRORS_LINE_START = "{\"path\":";
    private static final ObjectMapper JSON = new ObjectMapper();

    public JsonlResults(Path predictionsPath) {
        super(new AtomicFile(predictionsPath), errorsFileFor(predictionsPath), null);
    }

    public JsonlResults(Writer out, String name) {
        super(ResultTarget.stream(out, name), null, null);
    }

    /** {@code predictions.jsonl} → {@code predictions.errors.jsonl}. */
    public static Path errorsFileFor(Path predictions) {
        String name = predictions.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return predictions.resolveSibling(stem + ".errors.jsonl");
    }

    @Override
    String predictionLine(Prediction prediction) {
        Map<String, Object> row = new LinkedHashMap<>();
        Candidate best = prediction.best();
        row.put("code", best.code());
        row.put("char", best.character());
        row.put("path", PathText.posix(prediction.path()));
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Candidate c : prediction.candidates()) {
            Map<String, Object> candidate = new LinkedHashMap<>();
            candidate.put("char", c.character());
            candidate.put("prob", (double) c.probability());
            candidates.add(candidate);
        }
        row.put("candidates", candidates);
        prediction.note().ifPresent(note -> row.put("note", note.text()));
        return line(row);
    }

    @Override
    String errorsHeader() {
        return null;
    }

    @Override
    String failureLine(Path path, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", PathText.posix(path));
        row.put("reason", reason);
        return line(row);
    }

    private static String line(Map<String, Object> row) {
        try {
            return JSON.writeValueAsString(row) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // maps of strings and numbers always serialise
        }
    }
}
