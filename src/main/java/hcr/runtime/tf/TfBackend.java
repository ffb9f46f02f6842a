package hcr.runtime.tf;

import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;

/**
 * Scores with TensorFlow Java from a SavedModel directory. Holds no TensorFlow state itself:
 * ServiceLoader builds every backend, and TF's 680 MB of natives must load only when a model does.
 */
public final class TfBackend implements Backend {
    public static final String NAME = "tf";
    public static final String DEFAULT_DIRECTORY = "saved_model";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "TensorFlow Java 1.1.0, SavedModel directory (signature serving_default)";
    }

    @Override
    public Path defaultModel(Path home) {
        return home.resolve(DEFAULT_DIRECTORY);
    }

    @Override
    public ScoringModel load(Path model, BackendOptions options) {
        return TfScoringModel.load(model, options);
    }
}
