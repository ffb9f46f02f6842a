package hcr.read;

import java.util.List;
import java.util.stream.Collectors;

/** Characters with no word gap between them. */
public record Word(List<ReadCharacter> characters) {

    public Word {
        if (characters.isEmpty()) {
            throw new IllegalArgumentException("a word needs at least one character");
        }
        characters = List.copyOf(characters);
    }

    public Box box() {
        return characters.stream().map(ReadCharacter::box).reduce(Box::union).orElseThrow();
    }

    public String text() {
        return characters.stream().map(ReadCharacter::character).collect(Collectors.joining());
    }

    /** The least confident character's confidence: a word is as sure as its weakest letter. */
    public float confidence() {
        float least = 1f;
        for (ReadCharacter c : characters) {
            least = Math.min(least, c.confidence());
        }
        return least;
    }
}
