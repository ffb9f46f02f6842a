package hcr.spark;

import hcr.HcrException;
import hcr.image.ImageDecoder;
import hcr.recognise.Charset;
import hcr.runtime.Backends;
import hcr.engine.EngineSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code spark-submit --class hcr.spark.SparkInfer hcr-spark.jar ...}: {@code hcr infer} as a Spark job. */
@Command(name = "hcr-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recognises the character in every picture under a directory (local, HDFS, S3) as a Spark job,",
                "writing predictions.csv and predictions.errors.csv exactly as hcr infer writes them."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every picture was recognised", "1:failure (missing input or model, I/O error, job failed)",
                "2:usage error", "3:finished, but some pictures failed (see predictions.errors.csv)"})
public final class SparkInfer implements Callable<Integer> {
    static final int PARTIAL = 3;

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "DIR|URI",
            description = "Directory of pictures: a local path, or s3a://bucket/prefix/, hdfs://..., file:/...")
    String input;

    @Option(names = "--output", required = true, paramLabel = "DIR|URI",
            description = "Directory that receives predictions.csv and, if any failed, predictions.errors.csv.")
    String output;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = Backends.DEFAULT,
            description = "Runtime on the executors (default: ${DEFAULT-VALUE}; tf needs TensorFlow's jars added).")
    String backend;

    @Option(names = "--model", paramLabel = "PATH|URI",
            description = "Model file or directory, local or a URI (default: the backend's model under -Dhcr.home).")
    String model;

    @Option(names = "--recursive", description = "Also read subdirectories.")
    boolean recursive;

    @Option(names = "--top", paramLabel = "K", defaultValue = "1",
            description = "Add the K most likely characters and their probabilities (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--charset", paramLabel = "SET", defaultValue = Charset.DEFAULT_SPEC,
            description = "Characters a picture may be, as for hcr infer (default: ${DEFAULT-VALUE}).")
    String charset;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + EngineSettings.DEFAULT_BATCH_SIZE,
            description = "Pictures per scoring call inside a task (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--partition-size", paramLabel = "N", defaultValue = "10000",
            description = "Pictures per partition, the unit of work and of retry (default: ${DEFAULT-VALUE}).")
    int partitionSize;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS,
            description = "Refuse pictures with more pixels, from their header (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Option(names = "--max-file-bytes", paramLabel = "N", defaultValue = "" + (256L << 20),
            description = "Larger files become error rows without being read (default: ${DEFAULT-VALUE}).")
    long maxFileBytes;

    @Option(names = "--path-root", paramLabel = "TEXT",
            description = "What the path column writes for the input directory (default: --input as given).")
    String pathRoot;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit (default: local[*]).")
    String master;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SparkInfer());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("hcr spark: " + message(e));
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() {
        JobOptions options = options();
        SparkSession.Builder builder = SparkSession.builder().appName("hcr infer");
        if (master != null || System.getProperty("spark.master") == null) {
            builder.master(master != null ? master : "local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        try {
            JobSummary summary = ScoringJob.run(spark, options);
            spec.commandLine().getErr().println("hcr spark: " + summary + "; predictions in "
                    + output + "/" + ResultFiles.PREDICTIONS
                    + (summary.failed() > 0 ? ", failures in " + output + "/" + ResultFiles.ERRORS : ""));
            return summary.failed() > 0 ? PARTIAL : 0;
        } finally {
            spark.stop();
        }
    }

    private JobOptions options() {
        if (top < 1 || batchSize < 1 || partitionSize < 1 || maxPixels < 1 || maxFileBytes < 1
                || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new ParameterException(spec.commandLine(),
                    "--top, --batch-size, --partition-size, --max-pixels must be positive; --max-file-bytes 1 to 2 GB");
        }
        try {
            Charset.parse(charset);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--charset: " + e.getMessage());
        }
        return new JobOptions(input, output, model != null ? model : defaultModel(), recursive, pathRoot,
                partitionSize, maxFileBytes, new ScoringSettings(backend, charset, top, batchSize, maxPixels));
    }

    private String defaultModel() {
        String home = System.getProperty("hcr.home");
        if (home == null) {
            throw new ParameterException(spec.commandLine(), "--model is needed (no -Dhcr.home to find the shipped model)");
        }
        return Backends.named(backend).defaultModel(Path.of(home)).toString();
    }

    /** The user's problem in a line: hcr's own message, or the deepest cause of a failed Spark job. */
    static String message(Throwable e) {
        if (e instanceof HcrException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            if (root instanceof HcrException) {
                return root.getMessage();
            }
        }
        String what = e instanceof SparkException ? "the Spark job failed: " : "";
        return what + (root.getMessage() != null ? root.getMessage() : root.toString());
    }
}
