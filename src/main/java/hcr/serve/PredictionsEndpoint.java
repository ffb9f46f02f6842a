package hcr.serve;

import hcr.recognise.Candidate;
import hcr.recognise.Outcome;
import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import hcr.recognise.Recognition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * {@code POST /predictions/hcr} (the DJL Serving / TorchServe shape): one picture as the raw
 * body, or several as multipart form fields; answers a JSON array (one object per picture, in
 * order) or, with {@code Accept: text/csv}, the {@code code, char, name} lines of {@code hcr infer}.
 * Query: {@code charset}, {@code top} (candidates, 1-62), {@code tensor=1} (the 28x28 image the
 * model saw), {@code name} (a raw body's name, default "body").
 */
final class PredictionsEndpoint implements Router.Endpoint {
    private final Scoring scoring;
    private final ServerMetrics metrics;
    private final long maxBody;
    private final int defaultTop;

    PredictionsEndpoint(Scoring scoring, ServerMetrics metrics, long maxBody, int defaultTop) {
        this.scoring = scoring;
        this.metrics = metrics;
        this.maxBody = maxBody;
        this.defaultTop = defaultTop;
    }

    void addTo(Router router) {
        router.add("POST", "/predictions/hcr", this);
    }

    @Override
    public Reply answer(Request request) throws Exception {
        boolean multipart = Uploads.isMultipart(request);
        Fields query = Request.extractQueryParameters(request);
        int top = Uploads.top(query.getValue("top"), defaultTop);
        boolean tensor = "1".equals(query.getValue("tensor")) || "true".equals(query.getValue("tensor"));
        return scoring.run(request, turn -> {
            Recogniser recogniser = turn.recogniser(query.getValue("charset"), top);
            byte[] body = Bodies.read(request, maxBody);
            List<Picture> pictures = Uploads.pictures(request, body, multipart, maxBody, query.getValue("name"));
            turn.checkDeadline();
            List<Outcome> outcomes = recogniser.recognise(pictures);
            long failures = outcomes.stream().filter(Outcome.Failed.class::isInstance).count();
            metrics.scored(outcomes.size() - (int) failures);
            metrics.failed((int) failures);
            if (failures == outcomes.size()) {
                throw HttpError.badRequest(outcomes.size() == 1
                        ? ((Outcome.Failed) outcomes.get(0)).reason()
                        : "no picture could be read: " + describe(outcomes));
            }
            return Bodies.accepts(request, "text/csv") ? csv(outcomes) : json(outcomes, tensor);
        });
    }

    private static String describe(List<Outcome> outcomes) {
        List<String> parts = new ArrayList<>();
        for (Outcome o : outcomes) {
            parts.add(o.name() + ": " + ((Outcome.Failed) o).reason());
        }
        return String.join("; ", parts);
    }

    private static Reply json(List<Outcome> outcomes, boolean tensor) {
        List<Map<String, Object>> answers = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", outcome.name());
            if (outcome instanceof Outcome.Recognised ok) {
                Recognition r = ok.recognition();
                answer.putAll(candidate(r.best()));
                List<Map<String, Object>> best = new ArrayList<>();
                for (Candidate c : r.candidates()) {
                    best.add(candidate(c));
                }
                answer.put("top", best);
                r.note().ifPresent(note -> answer.put("note", note.text()));
                if (tensor) {
                    answer.put("tensor", rounded(r.tensor()));
                }
            } else {
                answer.put("error", ((Outcome.Failed) outcome).reason());
            }
            answers.add(answer);
        }
        return Reply.json(answers);
    }

    private static Map<String, Object> candidate(Candidate c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code(c));
        fields.put("char", c.character());
        fields.put("probability", c.probability());
        return fields;
    }

    private static String code(Candidate c) {
        return String.format(Locale.ROOT, "%03d", c.code());
    }

    /** Two decimals are plenty to draw the image and keep the answer a few kilobytes. */
    private static float[] rounded(float[] tensor) {
        float[] out = new float[tensor.length];
        for (int i = 0; i < tensor.length; i++) {
            out[i] = Math.round(tensor[i] * 100f) / 100f;
        }
        return out;
    }

    /** {@code hcr infer}'s stdout lines; a picture that failed reads {@code error, reason, name}. */
    private static Reply csv(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.Recognised ok) {
                Candidate best = ok.recognition().best();
                out.append(code(best)).append(", ").append(best.character()).append(", ").append(outcome.name());
            } else {
                out.append("error, ").append(((Outcome.Failed) outcome).reason().replace(',', ';'))
                        .append(", ").append(outcome.name());
            }
            out.append('\n');
        }
        return Reply.text("text/csv; charset=utf-8", out.toString());
    }
}
