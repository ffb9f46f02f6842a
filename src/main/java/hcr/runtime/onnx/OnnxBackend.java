package hcr.runtime.onnx;

import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;

/** Scores with ONNX Runtime the file {@code hcr export --format onnx} writes. */
public final class OnnxBackend implements Backend {
    public static final String NAME = "onnx";
    public static final String DEFAULT_FILE = "onnx/hcr.onnx";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "ONNX Runtime on the exported model (" + DEFAULT_FILE + ")";
    }

    @Override
    public Path defaultModel(Path home) {
        return home.resolve(DEFAULT_FILE);
    }

    @Override
    public ScoringModel load(Path model, BackendOptions options) {
        return OnnxScoringModel.load(model, options);
    }
}
