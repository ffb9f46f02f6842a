package hcr.cli;

import hcr.engine.CsvResults;
import hcr.engine.JsonlResults;
import hcr.engine.Results;
import hcr.io.NoClobber;
import hcr.io.Ownership;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options mixin: where and how infer's results are written, under hcr's no-clobber policy. */
final class ResultOptions {
    enum Format { csv, jsonl }

    static final String STDOUT = "-";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|-",
            description = "Predictions file, replaced only when the run finishes; - writes them to standard output"
                    + " (default: predictions.csv, or predictions.jsonl with --format jsonl).")
    String output;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Results format (default: jsonl when --output ends in .jsonl, else csv).")
    Format format;

    @Option(names = "--notes", description = "End every CSV row in a note column: whether the picture looks like several"
            + " characters side by side, or the answer is unsure (JSON Lines always carry a note where there is one).")
    boolean notes;

    @Option(names = "--force", description = "Replace output files even if hcr did not write them (never an input).")
    boolean force;

    boolean toStdout() {
        return STDOUT.equals(output);
    }

    Format format() {
        if (format != null) {
            return format;
        }
        return output != null && output.toLowerCase(Locale.ROOT).endsWith(".jsonl") ? Format.jsonl : Format.csv;
    }

    /** The predictions file (not for standard output). */
    Path path() {
        return Path.of(output != null ? output : "predictions." + format());
    }

    Path errorsPath() {
        return format() == Format.csv ? CsvResults.errorsFileFor(path()) : JsonlResults.errorsFileFor(path());
    }

    /** Before any work: both files may be written. */
    void check(NoClobber policy) {
        if (toStdout()) {
            return;
        }
        boolean csv = format() == Format.csv;
        policy.checkFile(path(), csv
                ? Ownership.firstLine("an hcr predictions file (its first line starts " + CsvResults.HEADER_START + ")",
                        CsvResults.HEADER_START)
                : Ownership.firstLine("an hcr JSON Lines predictions file (its lines start " + JsonlResults.LINE_START + ")",
                        JsonlResults.LINE_START));
        policy.checkFile(errorsPath(), csv
                ? Ownership.firstLine("an hcr errors file (its first line is " + CsvResults.ERRORS_HEADER_START + ")",
                        CsvResults.ERRORS_HEADER_START)
                : Ownership.firstLine("an hcr JSON Lines errors file", JsonlResults.ERRORS_LINE_START));
    }

    Results open(PrintWriter stdout, int topK) {
        return switch (format()) {
            case csv -> toStdout() ? new CsvResults(stdout, "standard output", topK, notes) : new CsvResults(path(), topK, notes);
            case jsonl -> toStdout() ? new JsonlResults(stdout, "standard output") : new JsonlResults(path());
        };
    }

    /** How the summary names where the predictions went. */
    String describe() {
        return toStdout() ? "standard output" : path().toString();
    }
}
