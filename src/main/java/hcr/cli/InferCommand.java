package hcr.cli;

import hcr.engine.ConsoleReport;
import hcr.engine.CsvResults;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.engine.EngineSettings;
import hcr.engine.ImageSource;
import hcr.engine.InferenceEngine;
import hcr.engine.InputException;
import hcr.engine.PredictionSink;
import hcr.engine.Summary;
import hcr.image.ImageDecoder;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code hcr infer}: the character in every picture of a directory. */
@Command(name = "infer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recognises the single handwritten character in every picture of a directory.",
                "Prints one line per picture (code, character, path) in sorted path order, writes them to a CSV file,"
                        + " and lists pictures that could not be read in <output>.errors.csv."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every picture was recognised", "1:failure (missing input or model, I/O error)",
                "2:usage error", "3:finished, but some pictures failed (see the errors file)"})
public final class InferCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR",
            description = "Directory of pictures (png, jpg, jpeg, bmp, gif, tif, tiff, webp).")
    Path input;

    @Option(names = "--output", paramLabel = "FILE.csv", defaultValue = "predictions.csv",
            description = "Predictions CSV, replaced only when the run finishes (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "Runtime that scores the pictures: see `hcr backends` (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--model", paramLabel = "PATH", description = "Model to load (default: the backend's shipped model).")
    Path model;

    @Option(names = "--recursive", description = "Also read subdirectories (symbolic links followed, loops reported).")
    boolean recursive;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + EngineSettings.DEFAULT_BATCH_SIZE,
            description = "Pictures per scoring call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N",
            description = "Decode threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1",
            description = "Add the K most likely characters and their probabilities to the CSV (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC, converter = CharsetConverter.class,
            description = "Characters a picture may be: digits, upper, lower, letters, alnum, or a list such as 0-9A-F;"
                    + " probabilities are renormalised over the set (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Reject pictures with more pixels than this, before decoding them (decompression bombs).")
    Long maxPixels;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Give up on one picture after this long (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--quiet", description = "Print no prediction lines, progress or summary; failures are still shown.")
    boolean quiet;

    @Override
    public Integer call() {
        EngineSettings settings = settings();
        ImageSource source = ImageSource.of(input, recursive);
        if (!source.iterator().hasNext()) {
            throw new InputException("no pictures in " + input + " (looked for png, jpg, jpeg, bmp, gif, tif, tiff, webp"
                    + (recursive ? "" : "; --recursive reads subdirectories") + ")");
        }
        Backend runtime = Backends.named(backend);
        Path modelPath = model != null ? model : runtime.defaultModel(HcrHome.locate());
        // Scoring gets few threads of its own: the decode pool already keeps every core busy.
        try (ScoringModel scorer = runtime.load(modelPath, new BackendOptions(scoringThreads(settings.threads())))) {
            Recogniser core = recogniser(scorer);
            return run(new InferenceEngine(core, settings), source, core.labeller().candidateCount());
        }
    }

    private int run(InferenceEngine engine, ImageSource source, int columns) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Top-K columns follow what each row really has: a 10-character charset has no 20th candidate.
        try (CsvResults csv = new CsvResults(output, columns);
             ProgressBar bar = new ProgressBar(System.err, "infer", 0, "images", !quiet && ProgressBar.stderrIsTerminal())) {
            if (!quiet && ProgressBar.stderrIsTerminal()) {
                bar.total(source.count());
            }
            Summary summary = engine.run(source, PredictionSink.all(new ConsoleReport(out, err, quiet), csv), bar::set);
            out.flush();
            csv.commit();
            bar.close(); // clear the bar before the summary; closing again at the end of try is harmless
            if (!quiet) {
                err.println("hcr: " + summary + "; predictions in " + output
                        + (summary.failed() > 0 ? ", failures in " + csv.errorsPath() : ""));
            }
            return summary.failed() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
        }
    }

    private EngineSettings settings() {
        int decodeThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (batchSize < 1 || decodeThreads < 1 || top < 1 || !(timeoutSeconds > 0)) {
            throw new ParameterException(spec.commandLine(),
                    "--batch-size, --threads, --top and --timeout must be positive");
        }
        if (maxPixels != null && maxPixels < 1) {
            throw new ParameterException(spec.commandLine(), "--max-pixels must be positive");
        }
        return new EngineSettings(batchSize, decodeThreads, top, Duration.ofNanos((long) (timeoutSeconds * 1e9)));
    }

    private Recogniser recogniser(ScoringModel scorer) {
        try {
            return Recogniser.of(scorer, new EmnistTranslator(decoder()), charset, top);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
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
