package hcr.read;

import java.util.List;
import java.util.stream.Collectors;

/** One line of a picture, its words left to right. */
public record TextLine(List<Word> words) {

    public TextLine {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a line needs at least one word");
        }
        words = List.copyOf(words);
    }

    public Box box() {
        return words.stream().map(Word::box).reduce(Box::union).orElseThrow();
    }

    /** The words joined by single spaces. */
    public String text() {
        return words.stream().map(Word::text).collect(Collectors.joining(" "));
    }

    public List<ReadCharacter> characters() {
        return words.stream().flatMap(w -> w.characters().stream()).toList();
    }
}
