package hcr.spark;

import java.time.Duration;
import java.util.Locale;

/** What a run did: inputs predicted and failed, and how long it took from listing to the last file. */
record JobSummary(long predicted, long failed, Duration elapsed) {

    long total() {
        return predicted + failed;
    }

    double imagesPerSecond() {
        return total() / Math.max(1e-9, elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d images: %,d predicted, %,d failed in %.2f s (%,.0f images/s)",
                total(), predicted, failed, elapsed.toNanos() / 1e9, imagesPerSecond());
    }
}
