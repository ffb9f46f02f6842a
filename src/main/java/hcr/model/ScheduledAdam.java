package hcr.model;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Adam (tensorflow-framework's Optimizer machinery, TF's ApplyAdam kernel) whose learning rate is
 * a graph operand fed each step, so a schedule needs no graph rebuild. The framework's own Adam
 * bakes the rate into a constant. Moments and beta powers are variables, so they are checkpointed.
 */
final class ScheduledAdam extends Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-7f;

    private final Operand<TFloat32> learningRate;
    private Variable<TFloat32> beta1Power;
    private Variable<TFloat32> beta2Power;

    ScheduledAdam(Graph graph, Operand<TFloat32> learningRate) {
        super(graph, "Adam");
        this.learningRate = learningRate;
    }

    @Override
    protected void createSlots(List<Output<? extends TType>> variables) {
        for (Output<? extends TType> v : variables) {
            createMoments(v);
        }
    }

    private <T extends TType> void createMoments(Output<T> v) {
        createSlot(v.asOutput(), "m", tf.zerosLike(v));
        createSlot(v.asOutput(), "v", tf.zerosLike(v));
    }

    @Override
    protected Optional<Op> prepare(String scopeName) {
        Ops init = tf.withInitScope();
        beta1Power = init.withName("beta1_power").variable(init.constant(BETA1));
        beta2Power = init.withName("beta2_power").variable(init.constant(BETA2));
        return Optional.empty();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected <T extends TType> Op applyDense(Ops ops, Output<T> gradient, Output<T> variable) {
        Variable<TFloat32> m = (Variable<TFloat32>) getSlot(variable, "m").orElseThrow();
        Variable<TFloat32> v = (Variable<TFloat32>) getSlot(variable, "v").orElseThrow();
        return ops.train.applyAdam((Operand<TFloat32>) variable, m, v, beta1Power, beta2Power, learningRate,
                ops.constant(BETA1), ops.constant(BETA2), ops.constant(EPSILON), (Operand<TFloat32>) gradient);
    }

    @Override
    protected Op finish(List<Op> updates, String name) {
        Ops after = tf.withControlDependencies(updates);
        Op b1 = after.assign(beta1Power, after.math.mul(beta1Power, after.constant(BETA1)));
        Op b2 = after.assign(beta2Power, after.math.mul(beta2Power, after.constant(BETA2)));
        return tf.withControlDependencies(List.of(b1, b2)).withName(name).noOp();
    }

    @Override
    public String getOptimizerName() {
        return "Adam";
    }
}
