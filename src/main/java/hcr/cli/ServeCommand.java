package hcr.cli;

import hcr.StartupTrace;
import hcr.image.ImageDecoder;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import hcr.serve.RecognitionServer;
import hcr.serve.ServeSettings;
import hcr.serve.ServedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hcr serve}: the recognition service over HTTP, until SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves recognition over HTTP: POST /predictions/hcr (picture uploads), the Open Inference"
                + " Protocol v2 under /v2, GET /metrics, and a drawing page at /.",
                "Runs until SIGTERM or SIGINT, then drains requests in flight and stops."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after serving", "1:failure (address in use, missing or invalid model)",
                "2:usage error", "130/143:stopped by SIGINT/SIGTERM (after draining)"})
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 opens the service to the network (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    ModelOptions models;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC, converter = CharsetConverter.class,
            description = "Characters a picture may be when a request names no charset (default: ${DEFAULT-VALUE}).")
    Charset charset;

    @Option(names = "--top", paramLabel = "K", defaultValue = "" + ServeSettings.DEFAULT_TOP,
            description = "Candidates per picture when a request names no top (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServeSettings.DEFAULT_MAX_BODY,
            description = "Largest request body; larger ones get 413 (default: ${DEFAULT-VALUE} = 4 MiB).")
    long maxBody;

    @Option(names = "--max-pixels", paramLabel = "N",
            description = "Reject pictures with more pixels than this, from their header (default: 50,000,000).")
    Long maxPixels;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests decoded and scored at once (default: the number of cores).")
    Integer concurrency;

    @Option(names = "--queue", paramLabel = "N", defaultValue = "" + ServeSettings.DEFAULT_QUEUE,
            description = "Requests that may wait for a turn; beyond them 503 with Retry-After (default: ${DEFAULT-VALUE}).")
    int queue;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "10",
            description = "Per-request limit from arrival, queue time included; then 503 (default: ${DEFAULT-VALUE}).")
    double deadlineSeconds;

    @Option(names = "--drain", paramLabel = "SECONDS", defaultValue = "10",
            description = "On SIGTERM/SIGINT, wait at most this long for requests in flight (default: ${DEFAULT-VALUE}).")
    double drainSeconds;

    @Option(names = "--access-log", description = "Print one NCSA line per request on stderr.")
    boolean accessLog;

    @Option(names = "--cors-origin", paramLabel = "ORIGIN",
            description = "Let browser pages from this origin call the service (repeatable; * for any). Off by default.")
    List<String> corsOrigins = List.of();

    @Override
    public Integer call() throws InterruptedException {
        ServeSettings settings = settings();
        Backend runtime = models.runtime();
        Path modelPath = models.modelPath(runtime);
        PrintWriter err = spec.commandLine().getErr();
        RecognitionServer server = new RecognitionServer(settings, versionText(), System.err);
        server.start();
        Thread hook = new Thread(server::stop, "hcr-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            double seconds = server.load(() -> serve(runtime, modelPath));
            StartupTrace.mark("serve ready");
            err.printf(Locale.ROOT, "hcr: serving %s (%s, %s), ready in %.2f s%n", server.uri(), runtime.name(), modelPath, seconds);
            err.flush();
        } catch (RuntimeException e) {
            server.stop();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }
        server.join();
        return ExitCode.OK;
    }

    private ServedModel serve(Backend runtime, Path modelPath) {
        // One scoring thread per call: requests run side by side, one per core.
        ScoringModel scorer = runtime.load(modelPath, new BackendOptions(1));
        try {
            ImageDecoder decoder = maxPixels != null ? new ImageDecoder(maxPixels) : ImageDecoder.withDefaults();
            Recogniser core = Recogniser.of(scorer, new EmnistTranslator(decoder), charset, top);
            String version = scorer.card().version() == null || scorer.card().version().isBlank() ? "1" : scorer.card().version();
            return new ServedModel("hcr", version, platform(runtime.name()), core, decoder);
        } catch (IllegalArgumentException e) {
            scorer.close();
            throw new ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
    }

    private static String platform(String backendName) {
        return switch (backendName) {
            case "onnx" -> "onnxruntime_onnx";
            case "tf" -> "tensorflow_savedmodel";
            default -> backendName;
        };
    }

    private ServeSettings settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        int lanes = concurrency != null ? concurrency : cores;
        if (lanes < 1 || queue < 0 || top < 1 || maxBody < 1 || !(deadlineSeconds > 0) || !(drainSeconds >= 0)
                || (maxPixels != null && maxPixels < 1)) {
            throw new ParameterException(spec.commandLine(), "--concurrency, --top, --max-body, --max-pixels and --deadline"
                    + " must be positive, --queue and --drain not negative");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0-65535");
        }
        return new ServeSettings(host, port, maxBody, lanes, queue, seconds(deadlineSeconds), seconds(drainSeconds),
                charset, top, accessLog, corsOrigins);
    }

    private static Duration seconds(double value) {
        return Duration.ofNanos((long) (value * 1e9));
    }

    private static String versionText() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
