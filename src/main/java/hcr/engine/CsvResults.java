package hcr.engine;

import hcr.recognise.Candidate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;

/**
 * The two result files, RFC 4180: predictions ({@code code,char,path} with the code zero-padded as
 * on stdout, plus {@code charN,probN}
 * columns for the top K when K > 1) and, only when something failed, errors ({@code path,reason})
 * in {@code <name>.errors.csv} beside it. Rows are written as they come to temporary files;
 * {@link #commit} renames them into place and removes a stale errors file from an earlier run,
 * while {@link #close} without commit leaves the previous results untouched.
 */
public final class CsvResults extends RowResults {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** How every predictions file hcr writes begins: what tells hcr's own file from a user's. */
    public static final String HEADER_START = "code,char,path";
    public static final String ERRORS_HEADER_START = "path,reason";

    private final int topK;

    public CsvResults(Path predictionsPath, int topK) {
        super(new AtomicFile(predictionsPath), errorsFileFor(predictionsPath), header(topK));
        this.topK = topK;
    }

    /** To a stream (standard output): failures are then on stderr only. */
    public CsvResults(Writer out, String name, int topK) {
        super(ResultTarget.stream(out, name), null, header(topK));
        this.topK = topK;
    }

    /** {@code predictions.csv} → {@code predictions.errors.csv}. */
    public static Path errorsFileFor(Path predictions) {
        String name = predictions.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return predictions.resolveSibling(stem + ".errors.csv");
    }

    private static String header(int topK) {
        List<String> header = new ArrayList<>(List.of("code", "char", "path"));
        if (topK > 1) {
            for (int i = 1; i <= topK; i++) {
                header.add("char" + i);
                header.add("prob" + i);
            }
        }
        return line(header);
    }

    @Override
    String predictionLine(Prediction prediction) {
        List<Object> row = new ArrayList<>(3 + 2 * topK);
        Candidate best = prediction.best();
        row.add(String.format(Locale.ROOT, "%03d", best.code())); // as on stdout: "065" for 'A'
        row.add(best.character());
        row.add(PathText.posix(prediction.path()));
        if (topK > 1) {
            for (Candidate c : prediction.candidates()) {
                row.add(c.character());
                row.add(String.format(Locale.ROOT, "%.6f", c.probability()));
            }
        }
        return line(row);
    }

    @Override
    String errorsHeader() {
        return line(List.of("path", "reason"));
    }

    @Override
    String failureLine(Path path, String reason) {
        return line(List.of(PathText.posix(path), reason));
    }

    private static String line(List<?> values) {
        StringBuilder text = new StringBuilder();
        try {
            FORMAT.printRecord(text, values.toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }
}
