package hcr.runtime;

import java.util.List;

/**
 * A loaded model: 28x28 images in, probabilities over its labels out.
 * {@link #score} is safe to call from several threads at once.
 */
public interface ScoringModel extends AutoCloseable {

    ModelCard card();

    /** Labels in output order (from the model card). */
    default List<String> labels() {
        return card().labels();
    }

    /**
     * Scores {@code batch.size()} images.
     *
     * @return probabilities, row-major [batch.size()][labels().size()]
     */
    float[] score(ImageBatch batch);

    @Override
    void close();
}
