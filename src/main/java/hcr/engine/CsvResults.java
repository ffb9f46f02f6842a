package hcr.engine;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The two result files, rows as {@link CsvRows} lays them out (the Spark job writes the same):
 * predictions and, only when something failed, errors in {@code <name>.errors.csv} beside it.
 * Rows are written as they come to temporary files; {@link #commit} renames them into place and
 * removes a stale errors file from an earlier run, while {@link #close} without commit leaves the
 * previous results untouched.
 */
public final class CsvResults extends RowResults {
    /** How every predictions file hcr writes begins: what tells hcr's own file from a user's. */
    public static final String HEADER_START = "code,char,path";
    public static final String ERRORS_HEADER_START = "path,reason";
    private static final String RECORD_END = "\r\n";

    private final int topK;
    private final boolean notes;

    public CsvResults(Path predictionsPath, int topK) {
        this(predictionsPath, topK, false);
    }

    /** @param notes whether rows end in a {@code note} column */
    public CsvResults(Path predictionsPath, int topK, boolean notes) {
        super(new AtomicFile(predictionsPath), errorsFileFor(predictionsPath), line(CsvRows.predictionsHeader(topK, notes)));
        this.topK = topK;
        this.notes = notes;
    }

    /** To a stream (standard output): failures are then on stderr only. */
    public CsvResults(Writer out, String name, int topK, boolean notes) {
        super(ResultTarget.stream(out, name), null, line(CsvRows.predictionsHeader(topK, notes)));
        this.topK = topK;
        this.notes = notes;
    }

    /** {@code predictions.csv} → {@code predictions.errors.csv}. */
    public static Path errorsFileFor(Path predictions) {
        String name = predictions.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return predictions.resolveSibling(stem + ".errors.csv");
    }

    @Override
    String predictionLine(Prediction prediction) {
        List<Object> row = CsvRows.prediction(CsvRows.path(prediction.path()), prediction.candidates(), topK);
        return line(notes ? CsvRows.withNote(row, prediction.note()) : row);
    }

    @Override
    String errorsHeader() {
        return line(CsvRows.ERRORS_HEADER);
    }

    @Override
    String failureLine(Path path, String reason) {
        return line(CsvRows.error(CsvRows.path(path), reason));
    }

    private static String line(List<?> values) {
        return CsvRows.line(values) + RECORD_END;
    }
}
