package hcr.recognise;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The characters a field may contain ({@code --charset}): the model's probabilities are restricted
 * to them and renormalised, so a postcode read with {@code digits} can never come out as 'O'.
 *
 * <p>Spelled as a named set ({@code digits}, {@code upper}, {@code lower}, {@code letters},
 * {@code alnum}) or an explicit list of characters and ranges ({@code 0-9A-F}, {@code ACGT});
 * named sets and lists can be joined with commas ({@code digits,X}).
 */
public final class Charset {
    public static final String DEFAULT_SPEC = "alnum";

    private static final Map<String, String> NAMED = Map.of(
            "digits", "0-9",
            "upper", "A-Z",
            "lower", "a-z",
            "letters", "A-Za-z",
            "alnum", "0-9A-Za-z");

    private final String spec;
    private final Set<String> characters;

    private Charset(String spec, Set<String> characters) {
        this.spec = spec;
        this.characters = characters;
    }

    public static Charset all() {
        return parse(DEFAULT_SPEC);
    }

    /** @throws IllegalArgumentException with a specific reason when the spelling is not a charset */
    public static Charset parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty charset; use one of " + String.join(", ", namedSets())
                    + " or a list such as 0-9A-F");
        }
        Set<String> chars = new LinkedHashSet<>();
        for (String part : spec.strip().split(",", -1)) {
            String named = NAMED.get(part.toLowerCase(Locale.ROOT));
            String list = named != null ? named : part;
            if (list.isEmpty()) {
                throw new IllegalArgumentException("empty part in charset '" + spec + "'");
            }
            addList(spec, list, chars);
        }
        return new Charset(spec.strip(), Set.copyOf(chars));
    }

    private static void addList(String spec, String list, Set<String> chars) {
        int[] cps = list.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            if (i + 2 < cps.length && cps[i + 1] == '-') {
                int from = cps[i];
                int to = cps[i + 2];
                if (to < from) {
                    throw new IllegalArgumentException("backwards range " + Character.toString(from) + "-"
                            + Character.toString(to) + " in charset '" + spec + "'");
                }
                for (int c = from; c <= to; c++) {
                    chars.add(Character.toString(c));
                }
                i += 2;
            } else {
                chars.add(Character.toString(cps[i]));
            }
        }
    }

    public static List<String> namedSets() {
        return List.of("digits", "upper", "lower", "letters", "alnum");
    }

    /** How the user spelled it, e.g. "digits" or "0-9A-F". */
    public String spec() {
        return spec;
    }

    public boolean contains(String character) {
        return characters.contains(character);
    }

    /**
     * Which of the model's outputs this set keeps.
     *
     * @throws IllegalArgumentException when a character of the set is not one the model knows
     */
    public BitSet maskFor(List<String> labels) {
        BitSet mask = new BitSet(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            if (characters.contains(labels.get(i))) {
                mask.set(i);
            }
        }
        List<String> unknown = new ArrayList<>();
        for (String c : characters) {
            if (!labels.contains(c)) {
                unknown.add(c);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new IllegalArgumentException("charset '" + spec + "' has characters the model does not know: "
                    + String.join("", unknown));
        }
        return mask;
    }

    /** Whether this set keeps every one of the model's outputs (then nothing is renormalised). */
    public boolean coversAll(List<String> labels) {
        return characters.containsAll(labels);
    }

    @Override
    public String toString() {
        return spec;
    }
}
