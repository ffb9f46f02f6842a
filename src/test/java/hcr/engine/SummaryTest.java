package hcr.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void reportsCountsTimeAndRateOnOneLine() {
        Summary summary = new Summary(9_990, 10, Duration.ofSeconds(2));

        assertThat(summary.inputs()).isEqualTo(10_000);
        assertThat(summary.imagesPerSecond()).isEqualTo(5_000);
        assertThat(summary).hasToString("10,000 images: 9,990 predicted, 10 failed in 2.00 s (5,000 images/s)");
    }

    @Test
    void countsNotedPredictionsByKindAndPointsSeveralCharactersToHcrRead() {
        assertThat(new Summary(100, 0, 3, 9, Duration.ofSeconds(1))).hasToString(
                "100 images: 100 predicted, 0 failed in 1.00 s (100 images/s);"
                        + " 12 noted (3 look like several characters: hcr read reads them; 9 unsure)");
        assertThat(new Summary(100, 0, 0, 2, Duration.ofSeconds(1)).toString()).endsWith("; 2 noted (2 unsure)");
    }

    @Test
    void anInstantRunHasNoRateRatherThanInfinity() {
        assertThat(new Summary(0, 0, Duration.ZERO).imagesPerSecond()).isZero();
    }
}
