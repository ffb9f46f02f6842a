package hcr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.HcrException;
import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import hcr.export.OnnxExporter;
import hcr.io.AtomicWrite;
import hcr.io.FileTrees;
import hcr.io.NoClobber;
import hcr.io.Ownership;
import hcr.runtime.ModelFiles;
import hcr.model.Augmentation;
import hcr.model.Distillation;
import hcr.model.EpochMetrics;
import hcr.model.ModelCards;
import hcr.model.ModelWriter;
import hcr.model.NetworkSpec;
import hcr.model.Trainer;
import hcr.model.TrainingData;
import hcr.model.TrainingListener;
import hcr.model.TrainingOptions;
import hcr.model.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hcr train}: trains the CNN with TensorFlow and writes a SavedModel plus model card. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trains the CNN on EMNIST and writes a SavedModel with its model card.",
                "Without the official train split, trains on the dev pool (every image except i %% 10 == 0,"
                        + " the holdout, which is never read for training or validation)."})
public final class TrainCommand implements Callable<Integer> {
    private static final String ARGS_FILE = "args.json";
    static final int MAX_BATCH_SIZE = 8192;
    static final int MAX_FILTERS = 1024;
    static final int MAX_THREADS = 256;
    /** Options that do not change what a run computes: accepted beside --resume. */
    private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--verbose", "--help", "--version");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR|ZIP", description = "EMNIST directory or zip (default: the data layer's default source, hcr's EMNIST cache)")
    Path data;
    @Option(names = "--split", paramLabel = "byclass|bymerge|balanced|letters|digits|mnist", defaultValue = "byclass", description = "EMNIST split (default: ${DEFAULT-VALUE})")
    String split;
    @Option(names = "--extra", description = "Also train on emnist-<split>-extra-* (prior-corrected)")
    boolean extra;
    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N images (smoke runs)")
    Integer limit;
    @Option(names = "--train-fraction", paramLabel = "FRACTION", defaultValue = "1",
            description = "Train on a seeded random share of the training images (with --extra's), validation unchanged: a learning curve (default: ${DEFAULT-VALUE})")
    double trainFraction;
    @Option(names = "--validation-fraction", paramLabel = "FRACTION", defaultValue = "0.1", description = "Share of the pool held for validation (default: ${DEFAULT-VALUE})")
    double validationFraction;
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "20", description = "Maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Images per step (default: ${DEFAULT-VALUE})")
    int batchSize;
    @Option(names = "--learning-rate", paramLabel = "RATE", defaultValue = "0.002", description = "Peak Adam learning rate, cosine-decayed to 0 (default: ${DEFAULT-VALUE})")
    float learningRate;
    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "4", description = "Stop after N epochs without a better validation loss; 0 = never (default: ${DEFAULT-VALUE})")
    int patience;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for weights, shuffling, augmentation, dropout and (without --split-seed) the split (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--split-seed", paramLabel = "N",
            description = "Seed for the training/validation split only (default: --seed): models trained with other seeds but one split can teach or be averaged without one having trained on another's validation images")
    Long splitSeed;
    @Option(names = "--augment", paramLabel = "standard|elastic|none", defaultValue = "standard",
            description = "Augmentation: standard (affine + stroke width), elastic (standard + bent strokes) or none (default: ${DEFAULT-VALUE})")
    String augment;
    @Option(names = "--conv", paramLabel = "C1,C2", split = ",", defaultValue = "32,64", description = "Filters of the two convolutions (default: ${DEFAULT-VALUE})")
    int[] conv;
    @Option(names = "--kernel", paramLabel = "K", defaultValue = "3", description = "Convolution kernel side (default: ${DEFAULT-VALUE})")
    int kernel;
    @Option(names = "--padding", paramLabel = "SAME|VALID", defaultValue = "SAME", description = "SAME or VALID (default: ${DEFAULT-VALUE})")
    String padding;
    @Option(names = "--dropout", paramLabel = "RATE", defaultValue = "0", description = "Dropout after each dense layer in training (default: ${DEFAULT-VALUE})")
    float dropout;
    @Option(names = "--batch-norm", description = "Batch-normalise each convolution in training; folded into the convolutions on export")
    boolean batchNorm;
    @Option(names = "--average-weights", paramLabel = "DECAY", defaultValue = "0",
            description = "Validate and export a moving average of the weights over steps with this decay, e.g. 0.9995; 0 = off (default: ${DEFAULT-VALUE})")
    float averageDecay;
    @Option(names = "--teacher", paramLabel = "DIR",
            description = "Distil from this trained model (repeat for an ensemble; trained on the same data): the target is their mean probabilities and the label")
    List<Path> teachers = new java.util.ArrayList<>();
    @Option(names = "--distill-weight", paramLabel = "W", defaultValue = "0.7",
            description = "Share of the teachers' probabilities in the target; the label has the rest (default: ${DEFAULT-VALUE})")
    float distillWeight;
    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "TensorFlow intra-op threads (default: ${DEFAULT-VALUE})")
    int threads;
    @Option(names = "--backend", paramLabel = "tf", defaultValue = "tf", description = "Training backend: only tf trains")
    String backend;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "models/hcr-tf", description = "Model directory to write (default: ${DEFAULT-VALUE})")
    Path output;
    @Option(names = "--force", description = "Replace an existing output directory and its checkpoints")
    boolean force;
    @Option(names = "--export", paramLabel = "onnx",
            description = "Also export the trained model: onnx writes <output>/hcr.onnx (see hcr export)")
    String export;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run whose checkpoints are in DIR (<output>.checkpoints)")
    Path resume;

    @Override
    public Integer call() {
        if (!backend.equals("tf")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "training exists only for --backend tf, not '" + backend + "'");
        }
        if (export != null && !export.equals("onnx")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--export takes onnx, not '" + export + "'");
        }
        if (resume != null) {
            refuseOptionsBesideResume();
            return resumed().run(resume);
        }
        network();
        options();  // validate every option before touching any directory
        Path checkpoints = checkpointDir(output);
        if (!force && Files.exists(output)) {
            throw new HcrException("output " + output + " exists (use --force to replace it)");
        }
        if (!force && Files.exists(checkpoints)) {
            throw new HcrException("checkpoints " + checkpoints + " exist: continue with --resume " + checkpoints
                    + " or start over with --force");
        }
        // Even with --force: never a directory holding the data, the working directory, or one hcr did not write.
        NoClobber policy = new NoClobber(force, data == null ? List.of() : List.of(data), p -> false);
        policy.checkDirectory(output, ModelFiles.modelDirectory());
        policy.checkDirectory(checkpoints, Ownership.directory("hcr training checkpoints (with " + ARGS_FILE + ")",
                ARGS_FILE, name -> true));
        deleteTree(checkpoints);
        try {
            return run(checkpoints);
        } catch (RuntimeException | Error e) {
            abandonIfNoEpochFinished(checkpoints);
            throw e;
        }
    }

    /**
     * A run that fails before its first checkpoint (no images, no memory) leaves nothing to resume:
     * its checkpoint directory would only block the corrected run.
     */
    private static void abandonIfNoEpochFinished(Path checkpoints) {
        try (var entries = Files.list(checkpoints)) {
            if (entries.noneMatch(p -> p.getFileName().toString().startsWith("epoch-"))) {
                FileTrees.deleteTree(checkpoints);
            }
        } catch (IOException e) {
            // Nothing there, or nothing more to do about it than the failure already reported.
        }
    }

    /** A resumed run keeps every setting it started with (the schedule depends on them): changing one is refused, not ignored. */
    private void refuseOptionsBesideResume() {
        List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(CommandLine.Model.OptionSpec::longestName)
                .filter(name -> !RESUME_OPTIONS.contains(name))
                .toList();
        if (!others.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume continues the run with the settings"
                    + " it started with (" + resume.resolve(ARGS_FILE) + "); " + String.join(", ", others)
                    + " cannot change them: start a new run instead");
        }
    }

    private int run(Path checkpoints) {
        NetworkSpec network = network();
        TrainingOptions options = options();
        Path source = data != null ? data : Emnist.defaultSource();
        Map<String, Object> description = new LinkedHashMap<>();
        TrainingData sets = load(source, description);
        ImageSet training = sets.training();
        if (extra) {
            ImageSet extraImages = Emnist.load(source, split, Part.EXTRA, limit == null ? Integer.MAX_VALUE : limit);
            training = TrainingData.concat(training, extraImages);
            description.put("extraImages", extraImages.size());
        }
        training = TrainingData.sample(training, trainFraction, seed);
        // The model is meant for the pool's class prior; the images it trains on may have another.
        float[] shift = extra ? TrainingData.priorShift(sets.training(), training, network.classes()) : null;
        sets = new TrainingData(training, sets.validation());
        description.put("extra", extra);
        description.put("trainFraction", trainFraction);
        description.put("trainingImages", sets.training().size());
        description.put("validationImages", sets.validation().size());
        saveArgs(checkpoints, source);
        System.err.printf(Locale.ROOT, "hcr: training on %,d images, validating on %,d (checkpoints in %s)%n",
                sets.training().size(), sets.validation().size(), checkpoints);
        TrainingResult result;
        try (EpochReporter reporter = new EpochReporter()) {
            result = new Trainer(network, options, shift, new Distillation(teachers, distillWeight), checkpoints, reporter)
                    .train(sets.training(), sets.validation());
        }
        description.put("teachers", teachers.stream().map(t -> t.toAbsolutePath().normalize().toString()).toList());
        var best = shift == null ? result.best() : result.best().withLogitShift(shift);
        ModelWriter.write(output, network, best, ModelCards.of(sets.training().labelMap(), network, options,
                description, result, shift), true);
        EpochMetrics m = result.bestMetrics();
        System.out.printf(Locale.ROOT, "best epoch %d: validation accuracy %.4f, loss %.4f%s%nmodel written to %s%n",
                result.bestEpoch(), m.validationAccuracy(), m.validationLoss(),
                result.stoppedEarly() ? " (stopped early)" : "", output);
        if (export != null) {
            Path onnx = output.resolve("hcr.onnx");
            OnnxExporter.export(output, onnx);
            System.out.printf("ONNX model written to %s%n", onnx);
        }
        return ExitCode.OK;
    }

    /** The DATA RULE: the official train split if present, else the dev pool without its holdout. */
    private TrainingData load(Path source, Map<String, Object> description) {
        int max = limit == null ? Integer.MAX_VALUE : limit;
        Set<Part> parts = Emnist.parts(source, split);
        description.put("source", source.toAbsolutePath().normalize().toString());
        description.put("split", split);
        description.put("splitSeed", splitSeed());
        if (parts.contains(Part.TRAIN)) {
            description.put("parts", List.of("train"));
            return TrainingData.split(Emnist.load(source, split, Part.TRAIN, max), validationFraction, splitSeed());
        }
        if (!parts.contains(Part.DEV)) {
            throw new HcrException("no EMNIST " + split + " train or dev files in " + source);
        }
        ImageSet dev = Emnist.load(source, split, Part.DEV, max);
        description.put("parts", List.of("dev"));
        description.put("holdout", "dev images with index % 10 == 0 excluded from training and validation");
        ImageSet pool = dev.select(Holdout.everyTenth().poolIndices(dev.size()));
        return TrainingData.split(pool, validationFraction, splitSeed());
    }

    private long splitSeed() {
        return splitSeed == null ? seed : splitSeed;
    }

    private NetworkSpec network() {
        if (conv.length != 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--conv takes two filter counts, e.g. 32,64");
        }
        for (int filters : conv) {
            requireRange("--conv", filters, 1, MAX_FILTERS);
        }
        requireRange("--kernel", kernel, 1, 28);
        try {
            return new NetworkSpec(conv[0], conv[1], kernel, padding.toUpperCase(Locale.ROOT), 256, 128, dropout, 62);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void requireRange(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private TrainingOptions options() {
        requireRange("--batch-size", batchSize, 1, MAX_BATCH_SIZE);
        requireRange("--threads", threads, 1, MAX_THREADS);
        if (limit != null) {
            requireRange("--limit", limit, 1, Integer.MAX_VALUE);
        }
        if (!(trainFraction > 0 && trainFraction <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--train-fraction must be above 0 and at most 1, not " + trainFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--validation-fraction must be between 0 and 1 (exclusive), not " + validationFraction);
        }
        if (!(distillWeight > 0 && distillWeight <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--distill-weight must be above 0 and at most 1, not " + distillWeight);
        }
        for (Path teacher : teachers) {
            if (!Files.isRegularFile(teacher.resolve("saved_model.pb"))) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--teacher " + teacher
                        + " is not a model directory written by hcr train (no saved_model.pb)");
            }
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--average-weights must be 0 (off) or a decay between 0 and 1, e.g. 0.9995, not " + averageDecay);
        }
        Augmentation augmentation = switch (augment) {
            case "standard" -> Augmentation.standard();
            case "elastic" -> Augmentation.elastic();
            case "none" -> Augmentation.none();
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--augment must be standard, elastic or none, not " + augment);
        };
        try {
            return new TrainingOptions(epochs, batchSize, learningRate, seed, patience, augmentation, threads,
                    batchNorm, averageDecay);
        } catch (HcrException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The command line a checkpoint directory was started with, re-parsed: a resumed run keeps every setting. */
    private TrainCommand resumed() {
        Path file = resume.resolve(ARGS_FILE);
        if (!Files.isRegularFile(file)) {
            throw new HcrException("no training run to resume in " + resume + " (" + ARGS_FILE + " missing)");
        }
        try {
            String[] args = new ObjectMapper().readValue(file.toFile(), String[].class);
            TrainCommand original = new TrainCommand();
            new CommandLine(original).parseArgs(args);
            original.spec = spec;
            return original;
        } catch (IOException e) {
            throw new HcrException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Records this run's options, with absolute paths, so --resume works from any directory. */
    private void saveArgs(Path checkpoints, Path source) {
        Path file = checkpoints.resolve(ARGS_FILE);
        if (Files.exists(file)) {
            return;
        }
        List<String> args = new java.util.ArrayList<>();
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (name.equals("--teacher")) {
                for (Path teacher : teachers) {
                    args.addAll(List.of(name, teacher.toAbsolutePath().normalize().toString()));
                }
            } else if (!List.of("--force", "--resume", "--data", "--output").contains(name)) {
                args.add(name);
                if (option.arity().max() > 0) {
                    Object value = option.getValue();
                    args.add(value instanceof int[] ints
                            ? Arrays.stream(ints).mapToObj(String::valueOf).collect(Collectors.joining(","))
                            : String.valueOf(value));
                }
            }
        }
        args.addAll(List.of("--data", source.toAbsolutePath().normalize().toString(),
                "--output", output.toAbsolutePath().normalize().toString()));
        try {
            Files.createDirectories(checkpoints);
            AtomicWrite.write(file, out -> new ObjectMapper().writeValue(out, args));
        } catch (IOException e) {
            throw new HcrException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static Path checkpointDir(Path output) {
        Path absolute = output.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".checkpoints");
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.deleteTree(root);
        } catch (IOException e) {
            throw new HcrException("cannot remove old checkpoints " + root + ": " + e.getMessage(), e);
        }
    }

    /** Renders training progress: a bar per epoch (terminal only) and one summary line per epoch. */
    private static final class EpochReporter implements TrainingListener, AutoCloseable {
        private ProgressBar bar;
        private int epochs;
        private final long start = System.nanoTime();
        private int done;

        @Override
        public void epochStarted(int epoch, int epochs, long images) {
            this.epochs = epochs;
            bar = new ProgressBar(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs), images, "img");
        }

        @Override
        public void progress(int epoch, long images) {
            bar.set(images);
        }

        @Override
        public void epochFinished(EpochMetrics m, boolean best) {
            bar.close();
            done++;
            double perEpoch = (System.nanoTime() - start) / 1e9 / done;
            System.err.printf(Locale.ROOT,
                    "epoch %d/%d  train loss %.4f acc %.4f  val loss %.4f acc %.4f  %,.0f img/s  %s  ETA %s%s%n",
                    m.epoch(), epochs, m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(),
                    m.imagesPerSecond(), ProgressBar.formatDuration(Duration.ofSeconds(Math.round(m.seconds()))),
                    ProgressBar.formatDuration(Duration.ofSeconds(Math.round(perEpoch * (epochs - m.epoch())))),
                    best ? "  *best" : "");
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
