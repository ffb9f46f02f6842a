package hcr.cli;

import hcr.HcrException;
import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.Part;
import hcr.eval.ConfusionCsv;
import hcr.eval.ConfusionHeatmap;
import hcr.eval.Evaluation;
import hcr.eval.EvaluationContext;
import hcr.eval.EvaluationSelection;
import hcr.eval.Evaluator;
import hcr.eval.JsonReport;
import hcr.eval.TableReport;
import hcr.io.NoClobber;
import hcr.io.OutputRefusedException;
import hcr.recognise.Charset;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hcr evaluate}: scores labelled EMNIST images and writes the figures and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Scores labelled EMNIST images with a model and reports accuracy, loss, top-k, per-class figures "
                        + "and the confusion matrix.",
                "Images: the official test part if the data has it, else the dev part's holdout "
                        + "(image i with i %% modulus == 0, never used in training)."},
        footer = {"", "Writes to the report directory: report.json, confusion.csv, confusion.png; prints a table to stdout."})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions models;

    @Option(names = "--data", paramLabel = "D", description = "EMNIST directory or NIST gzip.zip. Default: hcr's download cache.")
    Path data;

    @Option(names = "--split", defaultValue = "byclass", paramLabel = "byclass|bymerge|balanced|letters|digits|mnist", description = "EMNIST split. Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--part", paramLabel = "test|dev", converter = PartConverter.class,
            description = "File to read. Default: test if present, else dev.")
    Part part;

    @ArgGroup(exclusive = true)
    Coverage coverage;

    static final class Coverage {
        @Option(names = "--holdout", required = true, description = "Only the holdout images (default for the dev part).")
        boolean holdout;

        @Option(names = "--all", required = true, description = "Every image of the part (default for the test part).")
        boolean all;
    }

    @Option(names = "--holdout-modulus", defaultValue = "10", paramLabel = "M",
            description = "Holdout = images i with i %% M == 0. Default: ${DEFAULT-VALUE}.")
    int holdoutModulus;

    @Option(names = "--limit", paramLabel = "N", description = "Score at most the first N selected images.")
    Integer limit;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC, converter = CharsetConverter.class,
            description = "Evaluate as a field of these characters only (digits, upper, lower, letters, alnum, or a list"
                    + " such as 0-9A-F): images of other classes are left out, probabilities renormalised over the set"
                    + " (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N", description = "Images per scoring call. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Threads per scoring call (0: the runtime's default).")
    int threads;

    @Option(names = "--top-confused", defaultValue = "10", paramLabel = "N", description = "Confused pairs to list. Default: ${DEFAULT-VALUE}.")
    int topConfused;

    @Option(names = "--report-dir", defaultValue = "hcr-evaluation", paramLabel = "DIR",
            description = "Where report.json, confusion.csv and confusion.png go. Default: ./${DEFAULT-VALUE}.")
    Path reportDir;

    @Override
    public Integer call() {
        validate();
        Backend backend = models.runtime();
        checkReportDir();
        Path modelPath = models.modelPath(backend);
        Path source = data != null ? data : Emnist.defaultSource();
        PrintWriter err = spec.commandLine().getErr();

        Evaluation evaluation;
        EvaluationContext context;
        // The model is loaded (and checked) before the data is read: a wrong path fails in a second, not after the read.
        try (ScoringModel scoring = backend.load(modelPath, new BackendOptions(threads))) {
            EvaluationSelection.Selected selected = selection().load(source);
            if (selected.images().size() == 0) {
                throw new HcrException("no images selected from " + source + " (" + selected.description() + ")");
            }
            java.util.BitSet allowed = allowed(scoring.labels());
            String data = selected.description() + (allowed == null ? "" : ", charset " + charset.spec());
            context = new EvaluationContext(modelPath.toString(), backend.name(), data);
            long start = System.nanoTime();
            try (ProgressBar progress = new ProgressBar("evaluate", selected.images().size(), "images")) {
                evaluation = new Evaluator(scoring, batchSize).evaluate(selected.images(), allowed, progress::step);
            }
            if (evaluation.count() == 0) {
                throw new HcrException("no selected image is of a class in --charset " + charset.spec());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "scored %,d images in %.1f s (%,.0f images/s)%n",
                    evaluation.count(), seconds, evaluation.count() / seconds);
        }
        writeReports(evaluation, context, err);
        TableReport.write(evaluation, context, topConfused, spec.commandLine().getOut());
        return ExitCode.OK;
    }

    /** The classes of the charset, or null when it holds every label. */
    private java.util.BitSet allowed(java.util.List<String> labels) {
        if (charset.coversAll(labels)) {
            return null;
        }
        try {
            return charset.maskFor(labels);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
    }

    private EvaluationSelection selection() {
        Optional<Boolean> holdout = coverage == null ? Optional.empty() : Optional.of(coverage.holdout);
        return new EvaluationSelection(split, Optional.ofNullable(part), holdout, new Holdout(holdoutModulus),
                limit == null ? Integer.MAX_VALUE : limit);
    }

    private void writeReports(Evaluation evaluation, EvaluationContext context, PrintWriter err) {
        JsonReport.write(JsonReport.document(evaluation, context, topConfused), reportDir.resolve(JsonReport.FILE_NAME));
        ConfusionCsv.write(evaluation.confusionMatrix(), reportDir.resolve(ConfusionCsv.FILE_NAME));
        String title = String.format(Locale.ROOT, "accuracy %.2f%%: %s (%s)",
                100 * evaluation.accuracy(), context.model(), context.backend());
        String subtitle = String.format(Locale.ROOT, "%,d images: %s", evaluation.count(), context.data());
        ConfusionHeatmap.write(evaluation.confusionMatrix(), title, subtitle, reportDir.resolve(ConfusionHeatmap.FILE_NAME));
        err.printf("reports written to %s (%s, %s, %s)%n", reportDir,
                JsonReport.FILE_NAME, ConfusionCsv.FILE_NAME, ConfusionHeatmap.FILE_NAME);
        err.flush();
    }

    /** Before the model loads: a report directory that is a file, or unwritable, fails in the first second. */
    private void checkReportDir() {
        if (Files.exists(reportDir) && !Files.isDirectory(reportDir)) {
            throw new OutputRefusedException("cannot write reports to " + reportDir + ": Not a directory");
        }
        NoClobber.checkWritable(reportDir.resolve(JsonReport.FILE_NAME));
    }

    private void validate() {
        requirePositive(batchSize, "--batch-size");
        if (batchSize > InferCommand.MAX_BATCH_SIZE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size must be at most " + InferCommand.MAX_BATCH_SIZE + ", not " + batchSize);
        }
        if (threads > InferCommand.MAX_THREADS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be at most " + InferCommand.MAX_THREADS + ", not " + threads);
        }
        if (holdoutModulus < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--holdout-modulus must be at least 2: " + holdoutModulus);
        }
        if (limit != null) {
            requirePositive(limit, "--limit");
        }
        if (threads < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must not be negative: " + threads);
        }
        if (topConfused < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top-confused must not be negative: " + topConfused);
        }
    }

    private void requirePositive(int value, String option) {
        if (value <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be positive");
        }
    }
}
