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
    void anInstantRunHasNoRateRatherThanInfinity() {
        assertThat(new Summary(0, 0, Duration.ZERO).imagesPerSecond()).isZero();
    }
}
