package hcr.cli;

import hcr.StartupTrace;
import hcr.engine.ConsoleReport;
import hcr.engine.DebugPictures;
import hcr.engine.EngineSettings;
import hcr.engine.InferenceEngine;
import hcr.engine.Inputs;
import hcr.engine.InputException;
import hcr.engine.PredictionSink;
import hcr.engine.Results;
import hcr.engine.Summary;
import hcr.image.ImageDecoder;
import hcr.io.NoClobber;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.InputTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code hcr infer}: the character in every picture given, or in every picture of the directories given. */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recognises the single handwritten character in every picture given, or in every picture of the directories given.",
                "Prints one line per picture (code, character, path) in the order given (a directory's pictures in sorted path order),"
                        + " writes them to a CSV (or JSON Lines) file, and lists pictures that could not be read"
                        + " in <output>.errors.csv (.errors.jsonl)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every picture was recognised", "1:failure (missing input or model, refused or unwritable output, I/O error)",
                "2:usage error", "3:finished, but some pictures failed (see the errors file)"})
public final class InferCommand implements Callable<Integer> {
    static final int MAX_BATCH_SIZE = 4096;
    static final int MAX_THREADS = 256;
    static final double MIN_TIMEOUT_SECONDS = 0.001;
    static final double MAX_TIMEOUT_SECONDS = 86_400;

    @Spec
    CommandSpec spec;

    @Mixin
    PictureInputs inputs;

    @Mixin
    ResultOptions results;

    @Mixin
    ModelOptions models;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + EngineSettings.DEFAULT_BATCH_SIZE,
            description = "Pictures per scoring call, 1 to " + MAX_BATCH_SIZE + " (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decode threads, 1 to " + MAX_THREADS + " (default: the number of cores).")
    Integer threads;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1",
            description = "Add the K most likely characters and their probabilities to the results, 1 to the model's"
                    + " 62 characters; fewer columns when --charset allows fewer (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC, converter = CharsetConverter.class,
            description = "Characters a picture may be: digits, upper, lower, letters, alnum, or a list such as 0-9A-F;"
                    + " probabilities are renormalised over the set (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Reject pictures with more pixels than this, before decoding them (decompression bombs).")
    Long maxPixels;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on one picture after this long, " + MIN_TIMEOUT_SECONDS + " to " + (long) MAX_TIMEOUT_SECONDS
                    + " (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--debug-dir", paramLabel = "DIR",
            description = "Also write the 28x28 picture the model was shown for every input, as DIR/<input name>/<path>"
                    + DebugPictures.SUFFIX + " (see why a picture was misread).")
    Path debugDir;

    @Option(names = "--quiet", description = "Print no prediction lines, progress or summary; failures are still shown.")
    boolean quiet;

    @Override
    public Integer call() {
        EngineSettings settings = settings();
        Backend runtime = models.runtime();
        Inputs source = inputs.open(spec);
        NoClobber policy = new NoClobber(results.force, source.paths(), ImageDecoder::isSupported);
        results.check(policy);
        DebugPictures debug = debugPictures(source, policy);
        if (!source.iterator().hasNext()) {
            throw new InputException("no pictures in " + String.join(", ", source.paths().stream().map(Path::toString).toList())
                    + " (looked for png, jpg, jpeg, bmp, gif, tif, tiff, webp"
                    + (inputs.recursive ? "" : "; --recursive reads subdirectories") + ")");
        }
        Path modelPath = models.modelPath(runtime);
        // Scoring gets few threads of its own: the decode pool already keeps every core busy.
        StartupTrace.mark("inputs listed");
        try (ScoringModel scorer = runtime.load(modelPath, new BackendOptions(scoringThreads(settings.threads())))) {
            StartupTrace.mark("model loaded");
            Recogniser core = recogniser(scorer, debug);
            return run(new InferenceEngine(core, settings), source, core.labeller().candidateCount());
        }
    }

    private int run(InferenceEngine engine, Inputs source, int columns) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // With results on stdout, the prediction lines would corrupt them: stdout carries the results only.
        boolean lines = !quiet && !results.toStdout();
        // Top-K columns follow what each row really has: a 10-character charset has no 20th candidate.
        try (Results files = results.open(out, columns);
             ProgressBar bar = new ProgressBar(System.err, "infer", 0, "images", !quiet && ProgressBar.stderrIsTerminal())) {
            if (!quiet && ProgressBar.stderrIsTerminal()) {
                bar.total(source.count());
            }
            Summary summary = engine.run(source, PredictionSink.all(new ConsoleReport(out, err, !lines), files), bar::set);
            out.flush();
            files.commit();
            bar.close(); // clear the bar before the summary; closing again at the end of try is harmless
            if (!quiet) {
                err.println("hcr: " + summary + skipped(source) + "; predictions in " + results.describe()
                        + (summary.failed() > 0 && files.errorsPath().isPresent() ? ", failures in " + files.errorsPath().get() : ""));
            }
            return summary.failed() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    private static String skipped(Inputs source) {
        var skipped = source.skipped();
        if (skipped.total() == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; skipped %,d not pictures and %,d hidden", skipped.notPictures(), skipped.hidden());
    }

    private EngineSettings settings() {
        int decodeThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        requireRange("--batch-size", batchSize, 1, MAX_BATCH_SIZE);
        requireRange("--threads", decodeThreads, 1, MAX_THREADS);
        if (top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be at least 1, not " + top);
        }
        if (!(timeoutSeconds >= MIN_TIMEOUT_SECONDS && timeoutSeconds <= MAX_TIMEOUT_SECONDS)) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                    "--timeout must be between %s and %.0f seconds, not %s", MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, timeoutSeconds));
        }
        if (maxPixels != null && maxPixels < 1) {
            throw new ParameterException(spec.commandLine(), "--max-pixels must be positive, not " + maxPixels);
        }
        return new EngineSettings(batchSize, decodeThreads, top, Duration.ofNanos((long) (timeoutSeconds * 1e9)));
    }

    private void requireRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ParameterException(spec.commandLine(), option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    /** The debug directory checked and marked before any model is loaded, or null without --debug-dir. */
    private DebugPictures debugPictures(Inputs source, NoClobber policy) {
        if (debugDir == null) {
            return null;
        }
        PrintWriter err = spec.commandLine().getErr();
        DebugPictures debug = new DebugPictures(new EmnistTranslator(decoder()), debugDir, source.paths(),
                (picture, problem) -> err.println("hcr: " + picture + ": " + problem));
        debug.prepare(policy);
        return debug;
    }

    private Recogniser recogniser(ScoringModel scorer, DebugPictures debug) {
        InputTranslator translator = debug != null ? debug : new EmnistTranslator(decoder());
        Recogniser core;
        try {
            core = Recogniser.of(scorer, translator, charset, top);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
        // More than the charset allows is clamped (rows and header agree); more than the model knows is a mistake.
        int labels = core.labeller().labelCount();
        if (top > labels) {
            throw new ParameterException(spec.commandLine(), "--top must be at most " + labels
                    + ", the number of characters the model knows, not " + top);
        }
        return core;
    }

    private ImageDecoder decoder() {
        ImageDecoder decoder = maxPixels != null ? new ImageDecoder(maxPixels) : ImageDecoder.withDefaults();
        // e.g. "hcr: scans/a.tif: 3 pages; only the first is read": the CSV keeps one row per file.
        PrintWriter err = spec.commandLine().getErr();
        return decoder.withNotices((picture, notice) -> err.println("hcr: " + picture + ": " + notice));
    }

    private static int scoringThreads(int decodeThreads) {
        return Math.max(1, Math.min(2, decodeThreads / 2));
    }
}
