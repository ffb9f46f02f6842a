package hcr.recognise;

/** One possible character for a picture and the model's probability for it. */
public record Candidate(String character, float probability) {

    /** The character's code point: the "code" column of hcr's outputs. */
    public int code() {
        return character.codePointAt(0);
    }
}
