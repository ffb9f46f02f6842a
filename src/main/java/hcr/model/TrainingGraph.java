package hcr.model;

import hcr.image.EmnistTensor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * beta powers), so a restored session continues exactly where the saved one stopped.
 */
final class TrainingGraph implements AutoCloseable {
    /** Summed loss and number of correct predictions over a batch. */
    record BatchScore(double lossSum, long correct) {
    }

    private final Graph graph = new Graph();
    private final Session session;
    private final Map<String, Variable<TFloat32>> weights = new LinkedHashMap<>();
    private final Placeholder<TFloat32> images;
    private final Placeholder<TInt32> labels;
    private final Placeholder<TFloat32> learningRate;
    private final Operand<TFloat32> dropoutRate;
    private final Operand<TInt64> dropoutSeed;
    private final Operand<TFloat32> validationShift;
    private final TFloat32 priorShift;
    private final Operand<TFloat32> lossSum;
    private final Operand<TFloat32> correct;
    private final Op trainStep;
    private final float dropout;

    /** {@code priorShift}: logit shift (one per class) applied when evaluating, or null for none. */
    TrainingGraph(NetworkSpec spec, Parameters initial, float[] priorShift, int threads) {
        this.priorShift = TFloat32.vectorOf(priorShift == null ? new float[spec.classes()] : priorShift);
        Ops tf = Ops.create(graph);
        images = tf.withName("image").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, EmnistTensor.SIDE, EmnistTensor.SIDE, 1)));
        labels = tf.withName("label").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        learningRate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
        dropoutRate = tf.withName("dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        dropoutSeed = tf.withName("dropout_seed").placeholderWithDefault(tf.constant(new long[] {0, 0}), Shape.of(2));
        for (Parameters.Slot slot : Parameters.slots(spec)) {
            float[] init = initial.get(slot.name());
            weights.put(slot.name(), tf.withName(slot.name().replace('/', '_'))
                    .variable(tf.constant(Shape.of(slot.shape()), DataBuffers.of(init, true, false))));
        }
        // Validation adds the prior correction the exported model will carry; training feeds none.
        validationShift = tf.withName("logit_shift").placeholderWithDefault(
                tf.zeros(tf.constant(new int[] {spec.classes()}), TFloat32.class), Shape.of(spec.classes()));
        Operand<TFloat32> logits = tf.math.add(new Network(spec, tf)
                .logits(images, weights::get, new Network.Dropout(dropoutRate, dropoutSeed)), validationShift);
        Operand<TFloat32> oneHot = tf.oneHot(labels, tf.constant(spec.classes()), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> losses = tf.nn.softmaxCrossEntropyWithLogits(logits, oneHot).loss();
        lossSum = tf.sum(losses, tf.constant(0));
        Operand<TInt32> predicted = tf.math.argMax(logits, tf.constant(1), TInt32.class);
        correct = tf.sum(tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class), tf.constant(0));
        trainStep = new ScheduledAdam(graph, learningRate).minimize(tf.math.mean(losses, tf.constant(0)));
        dropout = spec.dropout();
        session = new Session(graph, config(threads));
        session.initialize();
    }

    static ConfigProto config(int threads) {
        return ConfigProto.newBuilder()
                .setIntraOpParallelismThreads(threads)
                .setInterOpParallelismThreads(1)
                .build();
    }

    /** One Adam step on the batch; returns its score before the update. */
    BatchScore train(Batch batch, float rate, long stepSeed) {
        try (TFloat32 lr = TFloat32.scalarOf(rate);
             TFloat32 drop = TFloat32.scalarOf(dropout);
             TInt64 seed = TInt64.vectorOf(stepSeed, stepSeed >>> 32);
             Result result = session.runner()
                     .feed(images, batch.images()).feed(labels, batch.labels())
                     .feed(learningRate, lr).feed(dropoutRate, drop).feed(dropoutSeed, seed)
                     .addTarget(trainStep).fetch(lossSum).fetch(correct).run()) {
            return score(result);
        }
    }

    BatchScore evaluate(Batch batch) {
        try (Result result = session.runner()
                .feed(images, batch.images()).feed(labels, batch.labels()).feed(validationShift, priorShift)
                .fetch(lossSum).fetch(correct).run()) {
            return score(result);
        }
    }

    private static BatchScore score(Result result) {
        return new BatchScore(((TFloat32) result.get(0)).getFloat(), Math.round(((TFloat32) result.get(1)).getFloat()));
    }

    /** The current weights, copied out of the session. */
    Parameters parameters() {
        Session.Runner runner = session.runner();
        weights.values().forEach(runner::fetch);
        Map<String, float[]> values = new LinkedHashMap<>();
        try (Result result = runner.run()) {
            int i = 0;
            for (String name : weights.keySet()) {
                TFloat32 t = (TFloat32) result.get(i++);
                float[] v = new float[Math.toIntExact(t.shape().size())];
                t.copyTo(DataBuffers.of(v, false, false));
                values.put(name, v);
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
    }
}
