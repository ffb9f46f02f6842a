package hcr.read;

import hcr.recognise.Candidate;
import java.util.List;

/** One character read from a line: where it is (picture pixels) and its most likely readings, best first. */
public record ReadCharacter(Box box, List<Candidate> candidates) {

    public ReadCharacter {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a character needs at least one candidate");
        }
        candidates = List.copyOf(candidates);
    }

    public String character() {
        return candidates.get(0).character();
    }

    public float confidence() {
        return candidates.get(0).probability();
    }
}
