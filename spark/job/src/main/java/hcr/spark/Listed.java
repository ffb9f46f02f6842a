package hcr.spark;

import java.io.Serializable;

/**
 * One input the listing found: where a task reads it ({@code uri}), how the result files name it
 * ({@code shown}, as {@code hcr infer} would print it), and a problem already known from the
 * listing (a directory loop), or null.
 */
record Listed(String uri, String shown, String problem) implements Serializable {

    static Listed picture(String uri, String shown) {
        return new Listed(uri, shown, null);
    }
}
