package hcr.engine;

import hcr.runtime.Backend;
import hcr.runtime.BackendOptions;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A third backend, registered only on the test class path (src/test/resources/META-INF/services),
 * to show a runtime plugs in without touching the commands. Its "model" is any existing file.
 */
public final class EchoBackend implements Backend {
    public static final String NAME = "test-echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "test double: answers from the pixels' mean brightness";
    }

    @Override
    public Path defaultModel(Path home) {
        return home.resolve("models").resolve("test-echo.model");
    }

    @Override
    public ScoringModel load(Path model, BackendOptions options) {
        if (!Files.isRegularFile(model)) {
            throw new ModelException("model not found: " + model);
        }
        return new EchoModel();
    }
}
