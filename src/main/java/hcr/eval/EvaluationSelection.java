package hcr.eval;

import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Which EMNIST images an evaluation scores. By default: the official test part when the source
 * has it, otherwise the holdout of the dev part (image i with {@code i % modulus == 0}), which
 * training never sees. Either choice can be forced; {@code --all} scores a whole part.
 *
 * @param part    the part to read, or empty to choose as above
 * @param holdout whether to keep only the holdout, or empty for "yes on the dev part, no otherwise"
 * @param limit   at most this many images (the first ones of the selection)
 */
public record EvaluationSelection(String split, Optional<Part> part, Optional<Boolean> holdout, Holdout protocol, int limit) {

    public EvaluationSelection {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
    }

    /** The images chosen, and what they are in words for the report. */
    public record Selected(ImageSet images, String description) {
    }

    public Selected load(Path source) {
        Part chosenPart = part.orElseGet(() -> Emnist.parts(source, split).contains(Part.TEST) ? Part.TEST : Part.DEV);
        boolean onlyHoldout = holdout.orElse(chosenPart == Part.DEV);
        String name = "EMNIST " + split + " " + chosenPart.token();
        if (!onlyHoldout) {
            ImageSet images = Emnist.load(source, split, chosenPart, limit);
            return new Selected(images, name + limited(images.size()));
        }
        // The first `limit` holdout images lie within the first limit * modulus images of the file.
        int needed = (int) Math.min(Integer.MAX_VALUE, (long) limit * protocol.modulus());
        ImageSet all = Emnist.load(source, split, chosenPart, needed);
        ImageSet images = all.select(protocol.holdoutIndices(all.size())).first(limit);
        return new Selected(images, String.format(Locale.ROOT, "%s holdout (image i with i %% %d == 0)%s",
                name, protocol.modulus(), limited(images.size())));
    }

    private String limited(int size) {
        return size >= limit ? String.format(Locale.ROOT, ", first %,d", size) : "";
    }
}
