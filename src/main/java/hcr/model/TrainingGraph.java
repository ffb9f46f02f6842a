package hcr.model;

import hcr.image.EmnistTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The training graph and its session: weights as variables, softmax cross-entropy, accuracy and
 * one Adam step with a fed learning rate. Checkpoints save every variable (weights, Adam moments,
 * beta powers, averaged weights), so a restored session continues exactly where the saved one stopped.
 *
 * <p>Three forward passes share the variables: the training pass (dropout, batch statistics), the
 * statistics pass (the evaluated weights with batch statistics, fetched to measure population
 * statistics) and the evaluation pass (the evaluated weights, population statistics fed, no dropout).
 * The evaluated weights are the moving average when weight averaging is on, else the weights themselves.
 */
final class TrainingGraph implements AutoCloseable {
    /** Summed loss and number of correct predictions over a batch. */
    record BatchScore(double lossSum, long correct) {
    }

    private final Graph graph = new Graph();
    private final Session session;
    private final NetworkSpec spec;
    private final boolean batchNorm;
    private final Map<String, Variable<TFloat32>> weights = new LinkedHashMap<>();
    private final Map<String, Variable<TFloat32>> evaluated;
    private final Map<String, BatchNorm.Moments> batchMoments = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> populationMean = new LinkedHashMap<>();
    private final Map<String, Placeholder<TFloat32>> populationVariance = new LinkedHashMap<>();
    private final Map<String, TFloat32> statisticsFeed = new LinkedHashMap<>();
    private BatchNorm.Statistics statistics;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final Placeholder<TFloat32> learningRate;
    private final Placeholder<TFloat32> teacherProbabilities;
    private final Operand<TFloat32> dropoutRate;
    private final Operand<TInt64> dropoutSeed;
    private final Operand<TFloat32> validationShift;
    private final TFloat32 priorShift;
    private final Operand<TFloat32> trainLossSum;
    private final Operand<TFloat32> trainCorrect;
    private final Operand<TFloat32> lossSum;
    private final Operand<TFloat32> correct;
    private final Operand<TFloat32> probabilities;
    private final Op trainStep;
    private final float dropout;

    /** {@code priorShift}: logit shift (one per class) applied when evaluating, or null for none. */
    TrainingGraph(NetworkSpec spec, TrainingOptions options, Parameters initial, float[] priorShift) {
        this(spec, options, initial, priorShift, 0f);
    }

    /**
     * {@code distillWeight} > 0: each step is also fed teachers' probabilities, and the target is
     * that share of them (prior correction undone, as the student trains without it) plus the rest
     * of the one-hot label. Cross-entropy is linear in the target, so this is the weighted sum of the
     * distillation and the label losses.
     */
    TrainingGraph(NetworkSpec spec, TrainingOptions options, Parameters initial, float[] priorShift, float distillWeight) {
        this.spec = spec;
        this.batchNorm = options.batchNorm();
        this.priorShift = TFloat32.vectorOf(priorShift == null ? new float[spec.classes()] : priorShift);
        Ops tf = Ops.create(graph);
        images = tf.withName("image").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1)));
        labels = tf.withName("label").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        dropoutRate = tf.withName("dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        dropoutSeed = tf.withName("dropout_seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
        for (Parameters.Slot slot : trainedSlots(spec, batchNorm)) {
            weights.put(slot.name(), tf.withName(slot.name().replace('/', '_'))
                    .variable(tf.constant(Shape.of(slot.shape()), DataBuffers.of(initialValue(initial, slot), true, false))));
        }
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(spec.classes()), tf.constant(1f), tf.constant(0f));
        Network network = new Network(spec, tf);

        Operand<TFloat32> trainLogits = network.logits(images, weights::get, new Network.Dropout(dropoutRate, dropoutSeed),
                batchNorm ? (layer, x) -> byBatch(tf, weights, layer, x, null) : null);
        Operand<TFloat32> targets = oneHot;
        if (distillWeight > 0) {
            teacherProbabilities = tf.withName("teacher_probabilities").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, spec.classes())));
            targets = tf.math.add(tf.math.mul(tf.constant(distillWeight), withoutPriorShift(tf, teacherProbabilities, priorShift)),
                    tf.math.mul(tf.constant(1 - distillWeight), oneHot));
        } else {
            teacherProbabilities = null;
        }
        Operand<TFloat32> trainLosses = tf.nn.softmaxCrossEntropyWithLogits(trainLogits, targets).loss();
        trainLossSum = tf.sum(trainLosses, tf.constant(0));
        trainCorrect = correctCount(tf, trainLogits);
        Op step = new ScheduledAdam(graph, learningRate).minimize(tf.math.mean(trainLosses, tf.constant(0)));
        // Created after minimize, which takes every variable then in the graph as one to optimise.
        if (options.averagesWeights()) {
            evaluated = new LinkedHashMap<>();
            step = averaged(tf, initial, step, options.averageDecay());
        } else {
            evaluated = weights;
        }
        trainStep = step;

        if (batchNorm) {
            network.logits(images, evaluated::get, null, (layer, x) -> byBatch(tf, evaluated, layer, x, batchMoments));
        }
        // Validation adds the prior correction the exported model will carry.
        validationShift = tf.withName("logit_shift").placeholderWithDefault(
                tf.zeros(tf.constant(new int[] {spec.classes()}), TFloat32.class), Shape.of(spec.classes()));
        Operand<TFloat32> logits = tf.math.add(network.logits(images, evaluated::get, null,
                batchNorm ? (layer, x) -> byPopulation(tf, layer, x) : null), validationShift);
        lossSum = tf.sum(tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss(), tf.constant(0));
        correct = correctCount(tf, logits);
        probabilities = tf.nn.softmax(logits);
        dropout = spec.dropout();
        session = new Session(graph, config(options.threads()));
        session.initialize();
    }

    /** softmax(log p - shift): the teacher's probabilities before the prior correction its export added. */
    private static Operand<TFloat32> withoutPriorShift(Ops tf, Operand<TFloat32> p, float[] shift) {
        Operand<TFloat32> logits = tf.math.log(tf.math.maximum(p, tf.constant(1e-30f)));
        return shift == null ? tf.nn.softmax(logits) : tf.nn.softmax(tf.math.sub(logits, tf.constant(shift)));
    }

    /** The network's weights, followed by the normalisation scales and offsets when batch norm is on. */
    static List<Parameters.Slot> trainedSlots(NetworkSpec spec, boolean batchNorm) {
        List<Parameters.Slot> slots = new ArrayList<>(Parameters.slots(spec));
        if (batchNorm) {
            slots.addAll(BatchNorm.slots(spec));
        }
        return slots;
    }

    private static float[] initialValue(Parameters initial, Parameters.Slot slot) {
        return initial.asMap().containsKey(slot.name()) ? initial.get(slot.name()) : BatchNorm.initial(slot);
    }

    /** Moving averages a <- a - (1 - decay) (a - w), updated after each Adam step; starts at the initial weights. */
    private Op averaged(Ops tf, Parameters initial, Op adamStep, float decay) {
        Ops after = tf.withControlDependencies(List.of(adamStep));
        List<Op> updates = new ArrayList<>();
        for (Parameters.Slot slot : trainedSlots(spec, batchNorm)) {
            Variable<TFloat32> average = tf.withName("average_" + slot.name().replace('/', '_')).variable(
                    tf.constant(Shape.of(slot.shape()), DataBuffers.of(initialValue(initial, slot), true, false)));
            evaluated.put(slot.name(), average);
            // Written as a difference, so an average equal to the weights stays bit for bit equal.
            updates.add(after.assignSub(average,
                    after.math.mul(after.constant(1 - decay), after.math.sub(average, weights.get(slot.name())))));
        }
        return tf.withControlDependencies(updates).withName("train_and_average").noOp();
    }

    private static Operand<TFloat32> byBatch(Ops tf, Map<String, Variable<TFloat32>> from, String layer,
                                             Operand<TFloat32> x, Map<String, BatchNorm.Moments> record) {
        BatchNorm.Moments moments = BatchNorm.Moments.of(tf, x);
        if (record != null) {
            record.put(layer, moments);
        }
        return BatchNorm.normalise(tf, x, moments.mean(), moments.variance(),
                from.get(layer + "/gamma"), from.get(layer + "/beta"));
    }

    private Operand<TFloat32> byPopulation(Ops tf, String layer, Operand<TFloat32> x) {
        Shape channels = Shape.of(x.shape().size(3));
        Placeholder<TFloat32> mean = tf.withName(layer + "_population_mean")
                .placeholder(TFloat32.class, Placeholder.shape(channels));
        Placeholder<TFloat32> variance = tf.withName(layer + "_population_variance")
                .placeholder(TFloat32.class, Placeholder.shape(channels));
        populationMean.put(layer, mean);
        populationVariance.put(layer, variance);
        return BatchNorm.normalise(tf, x, mean, variance,
                evaluated.get(layer + "/gamma"), evaluated.get(layer + "/beta"));
    }

    private Operand<TFloat32> correctCount(Ops tf, Operand<TFloat32> logits) {
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        return tf.sum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
    }

    static ConfigProto config(int threads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(1)
                .build();
    }

    /** One Adam step on the batch (and the averages' update); returns its score before the update. */
    BatchScore train(Batch batch, float rate, long stepSeed) {
        return train(batch, rate, stepSeed, null);
    }

    /** As above, distilling from {@code teacher} probabilities [n, classes] (required when the graph distils). */
    BatchScore train(Batch batch, float rate, long stepSeed, TFloat32 teacher) {
        if ((teacher == null) != (teacherProbabilities == null)) {
            throw new IllegalArgumentException(teacherProbabilities == null
                    ? "this graph does not distil" : "a distilling step needs the teachers' probabilities");
        }
        try (TFloat32 lr = TFloat32.scalarOf(rate);
             TFloat32 drop = TFloat32.scalarOf(dropout);
             TInt64 seed = TInt64.vectorOf(stepSeed, stepSeed >>> 32)) {
            Session.Runner runner = session.runner()
                    .feed(images, batch.images()).feed(labels, batch.labels())
                    .feed(learningRate, lr).feed(dropoutRate, drop).feed(dropoutSeed, seed);
            if (teacher != null) {
                runner.feed(teacherProbabilities, teacher);
            }
            try (Result result = runner.addTarget(trainStep).fetch(trainLossSum).fetch(trainCorrect).run()) {
                return score(result);
            }
        }
    }

    /** Adds the batch's per-channel moments, under the evaluated weights, to {@code sums}. */
    void addStatistics(Batch batch, BatchNorm.Accumulator sums) {
        Session.Runner runner = session.runner().feed(images, batch.images());
        for (BatchNorm.Moments m : batchMoments.values()) {
            runner.fetch(m.mean()).fetch(m.variance());
        }
        try (Result result = runner.run()) {
            int i = 0;
            for (String layer : batchMoments.keySet()) {
                sums.add(layer, copy((TFloat32) result.get(i++)), copy((TFloat32) result.get(i++)));
            }
        }
    }

    /** The population statistics evaluation and {@link #parameters()} use from now on. */
    void useStatistics(BatchNorm.Statistics measured) {
        statistics = measured;
        statisticsFeed.values().forEach(TFloat32::close);
        statisticsFeed.clear();
        for (String layer : BatchNorm.LAYERS) {
            statisticsFeed.put(layer + "/mean", TFloat32.vectorOf(measured.mean().get(layer)));
            statisticsFeed.put(layer + "/variance", TFloat32.vectorOf(measured.variance().get(layer)));
        }
    }

    BatchScore evaluate(Batch batch) {
        try (Result result = evaluation(batch).fetch(lossSum).fetch(correct).run()) {
            return score(result);
        }
    }

    /** Class probabilities [n, classes] of the evaluation pass (prior shift included). */
    float[] probabilities(Batch batch) {
        try (Result result = evaluation(batch).fetch(probabilities).run()) {
            return copy((TFloat32) result.get(0));
        }
    }

    private Session.Runner evaluation(Batch batch) {
        Session.Runner runner = session.runner()
                .feed(images, batch.images()).feed(labels, batch.labels()).feed(validationShift, priorShift);
        if (batchNorm) {
            requireStatistics();
            for (String layer : BatchNorm.LAYERS) {
                runner.feed(populationMean.get(layer), statisticsFeed.get(layer + "/mean"))
                        .feed(populationVariance.get(layer), statisticsFeed.get(layer + "/variance"));
            }
        }
        return runner;
    }

    private void requireStatistics() {
        if (statistics == null) {
            throw new IllegalStateException("batch norm needs population statistics: call useStatistics first");
        }
    }

    private static BatchScore score(Result result) {
        return new BatchScore(((TFloat32) result.get(0)).getFloat(), Math.round(((TFloat32) result.get(1)).getFloat()));
    }

    private static float[] copy(TFloat32 t) {
        float[] v = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(v, false, false));
        return v;
    }

    /** The serving weights: the evaluated weights, with batch norm folded into the convolutions when on. */
    Parameters parameters() {
        Parameters trained = trainedParameters();
        if (!batchNorm) {
            return trained;
        }
        requireStatistics();
        return BatchNorm.fold(spec, trained, statistics);
    }

    /** The evaluated weights as trained (normalisation scales and offsets included), copied out of the session. */
    Parameters trainedParameters() {
        Session.Runner runner = session.runner();
        evaluated.values().forEach(runner::fetch);
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            int i = 0;
            for (String name : evaluated.keySet()) {
                values.put(name, copy((TFloat32) result.get(i++)));
            }
        }
        return Parameters.of(values);
    }

    void save(Path prefix) {
        session.save(prefix.toString());
    }

    void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    @Override
    public void close() {
        session.close();
        graph.close();
        priorShift.close();
        statisticsFeed.values().forEach(TFloat32::close);
    }
}
