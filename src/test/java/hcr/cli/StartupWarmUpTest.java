package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The start-up head start: harmless when it names nothing, or a backend that does not exist
 * (preparing onnx itself: OnnxBackendTest).
 */
class StartupWarmUpTest {
    @Test
    void nothingOrAnUnknownBackendEndsQuietly() {
        long start = System.nanoTime();
        StartupWarmUp.start(null, false).awaitEnd();
        StartupWarmUp.start(" ", true).awaitEnd();
        StartupWarmUp.start("no-such-backend", false).awaitEnd();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
