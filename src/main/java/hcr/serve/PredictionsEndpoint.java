package hcr.serve;

import hcr.recognise.Candidate;
import hcr.recognise.Outcome;
import hcr.recognise.Picture;
import hcr.recognise.Recogniser;
import hcr.recognise.Recognition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
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
    /** Most pictures one request may carry: the core's largest scoring batch. */
    static final int MAX_PICTURES = Recogniser.MAX_BATCH;

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
        String media = Bodies.mediaType(request);
        boolean multipart = media.equals("multipart/form-data");
        if (!multipart && !isPicture(media)) {
            throw HttpError.unsupportedMedia("unsupported media type '" + media + "': send a picture as the body"
                    + " (image/*, application/octet-stream) or as multipart/form-data fields");
        }
        Fields query = Request.extractQueryParameters(request);
        int top = top(query.getValue("top"));
        boolean tensor = "1".equals(query.getValue("tensor")) || "true".equals(query.getValue("tensor"));
        return scoring.run(request, turn -> {
            Recogniser recogniser = turn.recogniser(query.getValue("charset"), top);
            byte[] body = Bodies.read(request, maxBody);
            List<Picture> pictures = multipart
                    ? parts(request, body)
                    : List.of(new Picture(nameOr(query.getValue("name"), "body"), nonEmpty(body)));
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

    /**
     * A raw picture body: image/* and octet-stream; curl's --data-binary default
     * (x-www-form-urlencoded) and no type at all are taken as the picture too.
     */
    private static boolean isPicture(String media) {
        return media.isEmpty() || media.startsWith("image/") || media.equals("application/octet-stream")
                || media.equals("application/x-www-form-urlencoded");
    }

    private int top(String text) {
        if (text == null) {
            return defaultTop;
        }
        try {
            int k = Integer.parseInt(text.strip());
            if (k >= 1 && k <= 62) {
                return k;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw HttpError.badRequest("top must be a whole number from 1 to 62, got '" + text + "'");
    }

    private static byte[] nonEmpty(byte[] body) {
        if (body.length == 0) {
            throw HttpError.badRequest("empty body: send the picture's bytes");
        }
        return body;
    }

    private List<Picture> parts(Request request, byte[] body) throws InterruptedException {
        String boundary = MultiPart.extractBoundary(request.getHeaders().get("Content-Type"));
        if (boundary == null) {
            throw HttpError.badRequest("multipart/form-data without a boundary");
        }
        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
        // Uploads stay in memory: the body is already bounded by the size limit.
        parser.setMaxMemoryFileSize(maxBody + 1);
        parser.setMaxLength(maxBody);
        parser.setMaxParts(MAX_PICTURES);
        List<Picture> pictures = new ArrayList<>();
        try (MultiPartFormData.Parts parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get()) {
            for (MultiPart.Part part : parts) {
                ByteBuffer content = Content.Source.asByteBuffer(part.getContentSource());
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                pictures.add(new Picture(nameOr(part.getFileName(), nameOr(part.getName(), "part" + pictures.size())),
                        bytes));
            }
        } catch (ExecutionException | java.io.IOException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw HttpError.badRequest("malformed multipart body: " + cause.getMessage());
        }
        if (pictures.isEmpty()) {
            throw HttpError.badRequest("multipart body has no parts: send pictures as -F file=@a.png");
        }
        return pictures;
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
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
