package hcr.engine;

import hcr.recognise.Candidate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The terminal view of a run: one line per prediction on stdout in the form {@code 065, A, path}
 * (code point zero-padded to three digits, the character, the path) and one line per failure on
 * stderr. Quiet mode drops the prediction lines but never the failures.
 */
public final class ConsoleReport implements PredictionSink {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;

    public ConsoleReport(PrintWriter out, PrintWriter err, boolean quiet) {
        this.out = out;
        this.err = err;
        this.quiet = quiet;
    }

    public static String line(Prediction prediction) {
        Candidate best = prediction.best();
        return String.format(Locale.ROOT, "%03d, %s, %s", best.code(), best.character(), PathText.posix(prediction.path()));
    }

    @Override
    public void predicted(Prediction prediction) {
        if (!quiet) {
            out.println(line(prediction));
        }
    }

    @Override
    public void failed(Path path, String reason) {
        err.println("hcr: " + PathText.posix(path) + ": " + reason);
    }
}
