package hcr.engine;

import hcr.recognise.Candidate;
import hcr.recognise.Note;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The engine's answer for one picture.
 *
 * @param path       the picture, as the source produced it (relative to how the input was given)
 * @param candidates the most likely characters, best first; never empty
 * @param note       whether the picture looked like several characters or the answer is unsure
 */
public record Prediction(Path path, List<Candidate> candidates, Optional<Note> note) {

    public Prediction(Path path, List<Candidate> candidates) {
        this(path, candidates, Optional.empty());
    }

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
