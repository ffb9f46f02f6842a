package hcr.data;

import java.util.stream.IntStream;

/** STAND-IN for the data branch's contract (take data's version on merge): image i with i % modulus == 0 is holdout. */
public record Holdout(int modulus) {
    public static Holdout everyTenth() {
        return new Holdout(10);
    }

    public boolean contains(int i) {
        return i % modulus == 0;
    }

    public int[] holdoutIndices(int n) {
        return IntStream.range(0, n).filter(this::contains).toArray();
    }

    public int[] poolIndices(int n) {
        return IntStream.range(0, n).filter(i -> !contains(i)).toArray();
    }
}
