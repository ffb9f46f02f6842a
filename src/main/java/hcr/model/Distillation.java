package hcr.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Knowledge distillation: train towards {@code weight} of the teachers' mean probabilities plus
 * {@code 1 - weight} of the label. The teachers must have been trained on the same data, so that the
 * prior correction their export carries is the one this run undoes.
 *
 * @param teachers SavedModel directories ({@code hcr train} outputs)
 * @param weight   share of the soft target, in (0, 1]
 */
public record Distillation(List<Path> teachers, float weight) {
    public static final Distillation NONE = new Distillation(List.of(), 0f);

    public Distillation {
        teachers = List.copyOf(teachers);
        if (!teachers.isEmpty() && !(weight > 0 && weight <= 1)) {
            throw new TrainingException("distillation weight must be in (0,1], not " + weight);
        }
    }

    boolean isOn() {
        return !teachers.isEmpty();
    }
}
