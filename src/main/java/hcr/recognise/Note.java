package hcr.recognise;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an answer may not be the one wanted although the picture was read: its ink looks like
 * several characters side by side ({@code hcr read} reads those), or the model was unsure. Doors
 * still give the prediction and add the note.
 *
 * @param kind what was seen
 * @param text one line for the user, without commas
 */
public record Note(Kind kind, String text) {
    /**
     * Below this best probability (over the charset) an answer is unsure. On the EMNIST pool 0.7% of
     * single characters fall below it (mostly o/O/0, l/1/I, c/C: a charset settles those), and 20%
     * of two touching characters, which the side-by-side test cannot split.
     */
    public static final float UNSURE = 0.4f;

    public enum Kind {
        SEVERAL_CHARACTERS, UNSURE
    }

    /**
     * The note, if any, for a picture whose ink holds {@code characters} side by side
     * ({@link hcr.image.SideBySide}), answered {@code best}.
     */
    public static Optional<Note> of(int characters, Candidate best) {
        if (characters > 1) {
            return Optional.of(new Note(Kind.SEVERAL_CHARACTERS,
                    "looks like " + characters + " characters side by side: hcr read reads them"));
        }
        if (best.probability() < UNSURE) {
            return Optional.of(new Note(Kind.UNSURE,
                    String.format(Locale.ROOT, "unsure: best probability %.2f", best.probability())));
        }
        return Optional.empty();
    }
}
