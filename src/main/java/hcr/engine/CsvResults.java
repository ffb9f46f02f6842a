package hcr.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * The two result files, rows as {@link CsvRows} lays them out: predictions and, only when
 * something failed, errors in {@code <name>.errors.csv} beside it. Rows are written as they come to temporary files;
 * {@link #commit} renames them into place and removes a stale errors file from an earlier run,
 * while {@link #close} without commit leaves the previous results untouched.
 */
public final class CsvResults implements PredictionSink, AutoCloseable {
    private final int topK;
    private final AtomicFile predictionsFile;
    private final CSVPrinter predictions;
    private final Path errorsPath;
    private AtomicFile errorsFile;
    private CSVPrinter errors;

    public CsvResults(Path predictionsPath, int topK) {
        this.topK = topK;
        this.errorsPath = errorsFileFor(predictionsPath);
        this.predictionsFile = new AtomicFile(predictionsPath);
        this.predictions = printer(predictionsFile, CsvRows.predictionsHeader(topK));
    }

    /** {@code predictions.csv} → {@code predictions.errors.csv}. */
    public static Path errorsFileFor(Path predictions) {
        String name = predictions.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return predictions.resolveSibling(stem + ".errors.csv");
    }

    public Path errorsPath() {
        return errorsPath;
    }

    @Override
    public void predicted(Prediction prediction) {
        print(predictions, predictionsFile,
                CsvRows.prediction(PathText.posix(prediction.path()), prediction.candidates(), topK));
    }

    @Override
    public void failed(Path path, String reason) {
        if (errors == null) {
            errorsFile = new AtomicFile(errorsPath);
            errors = printer(errorsFile, CsvRows.ERRORS_HEADER);
        }
        print(errors, errorsFile, CsvRows.error(PathText.posix(path), reason));
    }

    /** Puts both files in place; a stale errors file goes when this run had no errors. */
    public void commit() {
        predictionsFile.commit();
        if (errorsFile != null) {
            errorsFile.commit();
        } else {
            try {
                Files.deleteIfExists(errorsPath);
            } catch (IOException e) {
                throw new OutputException("cannot remove stale " + errorsPath + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        predictionsFile.close();
        if (errorsFile != null) {
            errorsFile.close();
        }
    }

    private static CSVPrinter printer(AtomicFile file, List<String> header) {
        try {
            return CsvRows.FORMAT.builder().setHeader(header.toArray(String[]::new)).get().print(file.writer());
        } catch (IOException e) {
            throw new OutputException("cannot write " + file.target() + ": " + e.getMessage(), e);
        }
    }

    private static void print(CSVPrinter printer, AtomicFile file, List<?> row) {
        try {
            printer.printRecord(row);
        } catch (IOException e) {
            throw new OutputException("cannot write " + file.target() + ": " + e.getMessage(), e);
        }
    }
}
