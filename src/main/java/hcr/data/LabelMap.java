package hcr.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Class index → character, as NIST's {@code emnist-<split>-mapping.txt} gives it
 * (lines "label ascii-code"; ByClass: 0-9, A-Z, a-z).
 */
public final class LabelMap {
    private static final String BYCLASS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private final int[] codes;

    private LabelMap(int[] codes) {
        this.codes = codes.clone();
    }

    /** The 62 ByClass labels, used when no mapping file is at hand (e.g. tests). */
    public static LabelMap byClass() {
        return ofCharacters(BYCLASS);
    }

    public static LabelMap ofCodes(int[] codes) {
        return new LabelMap(codes);
    }

    public static LabelMap ofCharacters(CharSequence characters) {
        return new LabelMap(characters.codePoints().toArray());
    }

    public int size() {
        return codes.length;
    }

    /** The character's code point (the "code" column of hcr's CSV). */
    public int code(int label) {
        return codes[label];
    }

    public String character(int label) {
        return Character.toString(codes[label]);
    }

    /** Labels in class order, one string each: the form the model card stores. */
    public List<String> characters() {
        List<String> out = new ArrayList<>(codes.length);
        for (int code : codes) {
            out.add(Character.toString(code));
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMap other && java.util.Arrays.equals(codes, other.codes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
        return String.join("", characters());
    }
}
