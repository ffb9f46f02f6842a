package hcr.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run did: every input is either predicted or failed; some predictions carry a note.
 *
 * @param severalCharacters predictions whose picture looked like several characters side by side
 * @param unsure            other predictions whose best probability was low
 */
public record Summary(long predicted, long failed, long severalCharacters, long unsure, Duration elapsed) {

    public Summary(long predicted, long failed, Duration elapsed) {
        this(predicted, failed, 0, 0, elapsed);
    }

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
        String line = String.format(Locale.ROOT, "%,d images: %,d predicted, %,d failed in %.2f s (%,.0f images/s)",
                inputs(), predicted, failed, elapsed.toNanos() / 1e9, imagesPerSecond());
        if (severalCharacters + unsure == 0) {
            return line;
        }
        List<String> kinds = new ArrayList<>();
        if (severalCharacters > 0) {
            kinds.add(String.format(Locale.ROOT, "%,d look like several characters: hcr read reads them", severalCharacters));
        }
        if (unsure > 0) {
            kinds.add(String.format(Locale.ROOT, "%,d unsure", unsure));
        }
        return line + String.format(Locale.ROOT, "; %,d noted (%s)", severalCharacters + unsure, String.join("; ", kinds));
    }
}
