package hcr.engine;

import java.time.Duration;
import java.util.Locale;

/** What one run did: every input is either predicted or failed. */
public record Summary(long predicted, long failed, Duration elapsed) {

    public long inputs() {
        return predicted + failed;
    }

    public double imagesPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? inputs() / seconds : 0;
    }

    /** The one-line report for stderr. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d images: %,d predicted, %,d failed in %.2f s (%,.0f images/s)",
                inputs(), predicted, failed, elapsed.toNanos() / 1e9, imagesPerSecond());
    }
}
