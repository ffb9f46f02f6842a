package hcr.model;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.types.TFloat32;

/**
 * The training loop: epochs of Adam steps on augmented batches, validation after each, a
 * checkpoint after each, the best epoch kept by validation loss, early stop after {@code patience}
 * epochs without improvement. Given the same data, spec, options and seed, an interrupted and
 * resumed run ends with the same weights as an uninterrupted one.
 */
public final class Trainer {
    /** Batches measured for batch norm's population statistics after each epoch (8,192 images at batch 128). */
    static final int STATISTICS_BATCHES = 64;

    private final NetworkSpec spec;
    private final TrainingOptions options;
    private final Checkpoints checkpoints;
    private final TrainingListener listener;
    private final float[] priorShift;
    private final Distillation distillation;

    /** {@code priorShift}: the logit shift the exported model will carry (validated with it), or null. */
    public Trainer(NetworkSpec spec, TrainingOptions options, float[] priorShift, Path checkpointDir,
                   TrainingListener listener) {
        this(spec, options, priorShift, Distillation.NONE, checkpointDir, listener);
    }

    public Trainer(NetworkSpec spec, TrainingOptions options, float[] priorShift, Distillation distillation,
                   Path checkpointDir, TrainingListener listener) {
        this.priorShift = priorShift;
        this.distillation = distillation;
        this.spec = spec;
        this.options = options;
        this.checkpoints = new Checkpoints(checkpointDir);
        this.listener = listener;
    }

    /** Trains from the latest checkpoint in the checkpoint directory, or from scratch if there is none. */
    public TrainingResult train(ImageSet training, ImageSet validation) {
        if (training.size() < options.batchSize()) {
            throw new TrainingException("only " + training.size() + " training images: fewer than one batch of "
                    + options.batchSize());
        }
        if (validation.size() == 0) {
            throw new TrainingException("no validation images: raise --validation-fraction or the data size");
        }
        Parameters initial = Parameters.initial(spec, options.seed());
        try (Teachers teachers = new Teachers(distillation.teachers(), options.threads());
             TrainingGraph graph = new TrainingGraph(spec, options, initial, priorShift,
                     distillation.isOn() ? distillation.weight() : 0f);
             BatchPipeline pipeline = new BatchPipeline(training, options.batchSize(), options.augmentation(), options.seed())) {
            Optional<Checkpoints.Saved> saved = checkpoints.latest(spec);
            saved.ifPresent(s -> graph.restore(s.variablesPrefix()));
            Checkpoints.State state = saved.map(Checkpoints.Saved::state)
                    .orElse(new Checkpoints.State(0, 0, Double.POSITIVE_INFINITY, 0, 0, List.of()));
            Parameters best = saved.map(Checkpoints.Saved::best).orElse(initial);
            List<EpochMetrics> history = new ArrayList<>(state.history());
            boolean stoppedEarly = false;
            for (int epoch = state.epoch() + 1; epoch <= options.epochs(); epoch++) {
                if (patienceRanOut(state)) {
                    stoppedEarly = true;
                    break;
                }
                EpochMetrics metrics = runEpoch(graph, teachers, pipeline, training, validation, epoch);
                if (Double.isNaN(metrics.validationLoss()) || Double.isNaN(metrics.trainLoss())) {
                    throw new TrainingException("training diverged in epoch " + epoch
                            + " (loss is NaN): lower --learning-rate");
                }
                history.add(metrics);
                boolean improved = metrics.validationLoss() < state.bestValidationLoss();
                if (improved) {
                    best = graph.parameters();
                }
                state = new Checkpoints.State(epoch,
                        improved ? epoch : state.bestEpoch(),
                        improved ? metrics.validationLoss() : state.bestValidationLoss(),
                        improved ? 0 : state.epochsWithoutImprovement() + 1,
                        state.seconds() + metrics.seconds(),
                        List.copyOf(history));
                checkpoints.save(graph, state, best, spec);
                listener.epochFinished(metrics, improved);
            }
            stoppedEarly |= state.epoch() < options.epochs() && patienceRanOut(state);
            return new TrainingResult(best, state.bestEpoch(), List.copyOf(history), stoppedEarly, state.seconds());
        }
    }

    private boolean patienceRanOut(Checkpoints.State state) {
        return options.patience() > 0 && state.epochsWithoutImprovement() >= options.patience();
    }

    private EpochMetrics runEpoch(TrainingGraph graph, Teachers teachers, BatchPipeline pipeline, ImageSet training,
                                  ImageSet validation, int epoch) {
        int batches = pipeline.batchesPerEpoch();
        long totalSteps = (long) batches * options.epochs();
        long firstStep = (long) (epoch - 1) * batches;
        listener.epochStarted(epoch, options.epochs(), (long) batches * options.batchSize());
        long start = System.nanoTime();
        Tally steps = new Tally();
        pipeline.runEpoch(epoch, batch -> {
            long step = firstStep + steps.batches;
            float rate = options.learningRateAt(step, totalSteps);
            long seed = options.seed() * 7919 + step;
            if (teachers.isEmpty()) {
                steps.add(graph.train(batch, rate, seed), batch.capacity());
            } else {
                try (TFloat32 targets = teachers.probabilities(batch)) {
                    steps.add(graph.train(batch, rate, seed, targets), batch.capacity());
                }
            }
            listener.progress(epoch, steps.images);
        });
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        if (options.batchNorm()) {
            measureStatistics(graph, training);
        }
        Tally validated = evaluate(graph, validation);
        return new EpochMetrics(epoch, steps.meanLoss(), steps.accuracy(), validated.meanLoss(),
                validated.accuracy(), steps.images / trainSeconds, (System.nanoTime() - start) / 1e9);
    }

    private Tally evaluate(TrainingGraph graph, ImageSet set) {
        Tally tally = new Tally();
        forEachBatch(set, set.size(), batch -> tally.add(graph.evaluate(batch), batch.capacity()));
        return tally;
    }

    /**
     * Population statistics for the evaluated weights, from the first full batches of the training
     * images as they are (not augmented: validation and users' pictures are not distorted either).
     */
    private void measureStatistics(TrainingGraph graph, ImageSet training) {
        int images = Math.min(STATISTICS_BATCHES, training.size() / options.batchSize()) * options.batchSize();
        BatchNorm.Accumulator sums = new BatchNorm.Accumulator();
        forEachBatch(training, images, batch -> graph.addStatistics(batch, sums));
        graph.useStatistics(sums.statistics());
    }

    /** The first {@code count} images of {@code set}, in order, in batches of the run's size (the last may be smaller). */
    private void forEachBatch(ImageSet set, int count, java.util.function.Consumer<Batch> action) {
        int size = options.batchSize();
        for (int from = 0; from < count; from += size) {
            int n = Math.min(size, count - from);
            try (Batch batch = new Batch(n)) {
                for (int k = 0; k < n; k++) {
                    set.copyTo(from + k, batch.pixels, k * EmnistTensor.PIXELS);
                    batch.labelValues[k] = set.label(from + k);
                }
                batch.publish();
                action.accept(batch);
            }
        }
    }

    /** Running sums over batches. */
    private static final class Tally {
        double lossSum;
        long correct;
        long images;
        int batches;

        void add(TrainingGraph.BatchScore score, int size) {
            lossSum += score.lossSum();
            correct += score.correct();
            images += size;
            batches++;
        }

        double meanLoss() {
            return lossSum / images;
        }

        double accuracy() {
            return (double) correct / images;
        }
    }
}
