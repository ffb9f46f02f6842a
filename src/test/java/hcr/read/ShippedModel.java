package hcr.read;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The ONNX model shipped in the repo; tests needing it skip when it is absent. */
final class ShippedModel {
    static final Path ONNX = Path.of("onnx/hcr.onnx").toAbsolutePath();

    private ShippedModel() {
    }

    static ScoringModel load() {
        assumeTrue(Files.isRegularFile(ONNX), "no shipped model at " + ONNX + ": skipping");
        return Backends.named("onnx").load(ONNX, new BackendOptions(1));
    }
}
