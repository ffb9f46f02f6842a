package hcr.eval;

/** How many images of {@code actual} were predicted as {@code predicted} (an off-diagonal cell). */
public record ConfusedPair(String actual, String predicted, long count) {
}
