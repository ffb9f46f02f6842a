package hcr.data;

import java.util.Locale;

/** Which file of a split: the {@code <part>} in {@code emnist-<split>-<part>-images-idx3-ubyte.gz}. */
public enum Part {
    TRAIN, TEST, DEV, EXTRA;

    /** The lower-case token NIST (and ../shared) use in file names. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
