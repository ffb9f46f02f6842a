package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The launcher's head start: harmless when it names nothing, or a backend that does not exist (onnx: OnnxBackendTest). */
class BackendWarmUpTest {
    @Test
    void nothingOrAnUnknownBackendEndsQuietly() {
        long start = System.nanoTime();
        BackendWarmUp.start(null).awaitEnd();
        BackendWarmUp.start(" ").awaitEnd();
        BackendWarmUp.start("no-such-backend").awaitEnd();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
