package hcr.recognise;

import hcr.image.SideBySide;
import java.util.List;
import java.util.Optional;

/**
 * The core's answer for one character image.
 *
 * @param candidates the most likely characters of the charset, best first; never empty
 * @param tensor     the 784 floats the model saw (row-major 28x28, ink light on dark), so a door can
 *                   show the user why a picture was read as it was
 */
public record Recognition(List<Candidate> candidates, float[] tensor) {

    public Recognition {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a recognition needs at least one candidate");
        }
    }

    public Candidate best() {
        return candidates.get(0);
    }

    /** Whether the picture looks like more than one character, or the answer is unsure. */
    public Optional<Note> note() {
        return Note.of(SideBySide.characters(tensor, 0), best());
    }
}
