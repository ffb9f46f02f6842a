package hcr.engine;

import hcr.recognise.Candidate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The two result files, RFC 4180: predictions ({@code code,char,path} with the code zero-padded as
 * on stdout, plus {@code charN,probN}
 * columns for the top K when K > 1) and, only when something failed, errors ({@code path,reason})
 * in {@code <name>.errors.csv} beside it. Rows are written as they come to temporary files;
 * {@link #commit} renames them into place and removes a stale errors file from an earlier run,
 * while {@link #close} without commit leaves the previous results untouched.
 */
public final class CsvResults implements PredictionSink, AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

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
        this.predictions = printer(predictionsFile, header(topK));
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

    private static List<String> header(int topK) {
        List<String> header = new ArrayList<>(List.of("code", "char", "path"));
        if (topK > 1) {
            for (int i = 1; i <= topK; i++) {
                header.add("char" + i);
                header.add("prob" + i);
            }
        }
        return header;
    }

    @Override
    public void predicted(Prediction prediction) {
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
        print(predictions, predictionsFile, row);
    }

    @Override
    public void failed(Path path, String reason) {
        if (errors == null) {
            errorsFile = new AtomicFile(errorsPath);
            errors = printer(errorsFile, List.of("path", "reason"));
        }
        print(errors, errorsFile, List.of(PathText.posix(path), reason));
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
            return FORMAT.builder().setHeader(header.toArray(String[]::new)).get().print(file.writer());
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
