package hcr.data;

import java.util.stream.IntStream;

/**
 * The fixed protocol of this project: image i of the dev file with {@code i % modulus == 0} is the
 * holdout. It is only ever reported on, never trained, tuned or selected on.
 */
public record Holdout(int modulus) {
    public Holdout {
        if (modulus < 2) {
            throw new IllegalArgumentException("holdout modulus must be at least 2, got " + modulus);
        }
    }

    public static Holdout everyTenth() {
        return new Holdout(10);
    }

    public boolean contains(int index) {
        return index % modulus == 0;
    }

    /** Holdout indices among {@code size} images, ascending. */
    public int[] holdoutIndices(int size) {
        return IntStream.range(0, size).filter(this::contains).toArray();
    }

    /** The other indices (for training and validation), ascending. */
    public int[] poolIndices(int size) {
        return IntStream.range(0, size).filter(i -> !contains(i)).toArray();
    }
}
