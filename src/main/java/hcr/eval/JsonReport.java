package hcr.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The evaluation as JSON for machines ({@code report.json}); {@link Document} is its schema. */
public final class JsonReport {
    public static final String FILE_NAME = "report.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /**
     * @param loss                          mean cross-entropy in nats, p clamped to {@code lossMinProbability}
     * @param caseInsensitiveAccuracy       every letter's cases folded
     * @param lookalikeCaseInsensitiveAccuracy only c i j k l m o p s u v w x y z folded (EMNIST ByMerge)
     * @param confusion                     counts[true][predicted] in {@code labels} order
     */
    public record Document(
            String model, String backend, String data, long images,
            double accuracy, double top2Accuracy, double top3Accuracy,
            double caseInsensitiveAccuracy, double lookalikeCaseInsensitiveAccuracy,
            double loss, double lossMinProbability, double macroF1,
            List<ClassMetrics> perClass, List<ConfusedPair> mostConfused,
            List<String> labels, List<List<Long>> confusion) {
    }

    public static Document document(Evaluation e, EvaluationContext context, int confusedPairs) {
        List<List<Long>> counts = Arrays.stream(e.confusionMatrix().toArray())
                .map(row -> Arrays.stream(row).boxed().toList())
                .toList();
        return new Document(context.model(), context.backend(), context.data(), e.count(),
                e.accuracy(), e.topK(2), e.topK(3),
                e.caseInsensitiveAccuracy(), e.caseInsensitiveAccuracy(CaseFolding.LOOKALIKE_LETTERS),
                e.loss(), Evaluation.MIN_PROBABILITY, e.macroF1(),
                e.perClass(), e.confusedPairs(confusedPairs), e.labels(), counts);
    }

    public static void write(Document document, Path file) {
        Reports.write(file, out -> JSON.writeValue(out, document));
    }

    public static Document read(Path file) throws java.io.IOException {
        return JSON.readValue(file.toFile(), Document.class);
    }
}
