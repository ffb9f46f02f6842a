package hcr.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every results format shares: predictions go to a target as they come; failures go to an
 * errors file beside a predictions file, opened only when the first failure arrives (with no such
 * file, as for standard output, failures are on stderr only). {@link #commit} renames both into
 * place and removes a stale errors file of an earlier run. Subclasses only turn results into lines.
 */
abstract class RowResults implements Results {
    private final ResultTarget predictions;
    private final Path errorsPath;
    private AtomicFile errors;

    RowResults(ResultTarget predictions, Path errorsPath, String predictionsHeader) {
        this.predictions = predictions;
        this.errorsPath = errorsPath;
        if (predictionsHeader != null) {
            write(predictions, predictionsHeader);
        }
    }

    /** One line (with its line end) per prediction. */
    abstract String predictionLine(Prediction prediction);

    /** The errors file's first line, or null for none. */
    abstract String errorsHeader();

    abstract String failureLine(Path path, String reason);

    @Override
    public final void predicted(Prediction prediction) {
        write(predictions, predictionLine(prediction));
    }

    @Override
    public final void failed(Path path, String reason) {
        if (errorsPath == null) {
            return;
        }
        if (errors == null) {
            errors = new AtomicFile(errorsPath);
            if (errorsHeader() != null) {
                write(errors, errorsHeader());
            }
        }
        write(errors, failureLine(path, reason));
    }

    private static void write(ResultTarget target, String text) {
        try {
            target.writer().write(text);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target.name() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> errorsPath() {
        return Optional.ofNullable(errorsPath);
    }

    @Override
    public void commit() {
        predictions.commit();
        if (errors != null) {
            errors.commit();
        } else if (errorsPath != null) {
            try {
                Files.deleteIfExists(errorsPath);
            } catch (IOException e) {
                throw new OutputException("cannot remove stale " + errorsPath + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        predictions.close();
        if (errors != null) {
            errors.close();
        }
    }
}
