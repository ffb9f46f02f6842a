package hcr.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The network's weights as plain arrays, by name, in a fixed order. Initial values come from a
 * Java RNG seeded by the run's seed (He-normal weights, zero biases) rather than from TF random
 * ops, so a run's starting point is reproducible on any machine and thread count.
 */
public final class Parameters {
    /** Name and shape of one weight tensor. */
    public record Slot(String name, long[] shape) {
        public int size() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return Math.toIntExact(n);
        }

        boolean isBias() {
            return shape.length == 1;
        }

        /** Inputs feeding one output unit: the He-normal fan-in. */
        long fanIn() {
            long n = 1;
            for (int i = 0; i < shape.length - 1; i++) {
                n *= shape[i];
            }
            return n;
        }
    }

    private final Map<String, float[]> values;

    private Parameters(Map<String, float[]> values) {
        this.values = values;
    }

    public static List<Slot> slots(NetworkSpec spec) {
        long k = spec.kernel();
        return List.of(
                new Slot("conv1/w", new long[] {k, k, 1, spec.conv1Filters()}),
                new Slot("conv1/b", new long[] {spec.conv1Filters()}),
                new Slot("conv2/w", new long[] {k, k, spec.conv1Filters(), spec.conv2Filters()}),
                new Slot("conv2/b", new long[] {spec.conv2Filters()}),
                new Slot("dense1/w", new long[] {spec.flattened(), spec.dense1()}),
                new Slot("dense1/b", new long[] {spec.dense1()}),
                new Slot("dense2/w", new long[] {spec.dense1(), spec.dense2()}),
                new Slot("dense2/b", new long[] {spec.dense2()}),
                new Slot("logits/w", new long[] {spec.dense2(), spec.classes()}),
                new Slot("logits/b", new long[] {spec.classes()}));
    }

    public static Parameters initial(NetworkSpec spec, long seed) {
        Random random = new Random(seed);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Slot slot : slots(spec)) {
            float[] v = new float[slot.size()];
            if (!slot.isBias()) {
                double std = Math.sqrt(2.0 / slot.fanIn());
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) (random.nextGaussian() * std);
                }
            }
            values.put(slot.name(), v);
        }
        return new Parameters(values);
    }

    public static Parameters of(Map<String, float[]> values) {
        return new Parameters(new LinkedHashMap<>(values));
    }

    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name);
        }
        return v;
    }

    public Map<String, float[]> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    /** A copy with {@code shift[c]} added to the output bias: a constant logit shift, i.e. a prior correction. */
    public Parameters withLogitShift(float[] shift) {
        Map<String, float[]> copy = new LinkedHashMap<>(values);
        float[] bias = get("logits/b").clone();
        for (int c = 0; c < bias.length; c++) {
            bias[c] += shift[c];
        }
        copy.put("logits/b", bias);
        return new Parameters(copy);
    }
}
