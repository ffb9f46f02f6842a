package hcr.engine;

import hcr.recognise.Candidate;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's answer for one picture.
 *
 * @param path       the picture, as the source produced it (relative to how the input was given)
 * @param candidates the most likely characters, best first; never empty
 */
public record Prediction(Path path, List<Candidate> candidates) {

    public Prediction {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one candidate");
        }
    }

    public Candidate best() {
        return candidates.get(0);
    }
}
