package hcr.cli;

import hcr.runtime.Backend;
import hcr.runtime.Backends;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --backend} and {@code --model}, shared by every command that loads a model, so that one rule
 * decides which runtime a path means: a directory is a SavedModel (tf), anything else the default backend.
 */
public final class ModelOptions {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "Runtime that scores the pictures, see `hcr backends` (default: tf when --model is a directory, else "
                    + Backends.DEFAULT + ").")
    String backend;

    @Option(names = "--model", paramLabel = "PATH", description = "Model to load (default: the backend's shipped model).")
    Path model;

    /** The runtime named by --backend, or the one --model's kind implies. */
    Backend runtime() {
        return Backends.forModel(backend, model);
    }

    /** --model, or the runtime's shipped model in hcr's home. */
    Path modelPath(Backend runtime) {
        return model != null ? model : runtime.defaultModel(HcrHome.locate());
    }
}
