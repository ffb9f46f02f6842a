package hcr.runtime;

import java.nio.file.Path;

/**
 * A way to run hcr's model (TensorFlow Java, ONNX Runtime, ...). Implementations are found with
 * {@link java.util.ServiceLoader} (listed in META-INF/services/hcr.runtime.Backend), so a new one
 * is added without touching the commands or the engine. Implementations must be cheap to
 * construct: the heavy native library is loaded in {@link #load}, not before.
 */
public interface Backend {

    /** The name users pass to {@code --backend}, e.g. "tf" or "onnx". */
    String name();

    /** One line for {@code hcr backends}. */
    String description();

    /** Where this backend's model lives inside an hcr home (the repo root or the jar's folder). */
    Path defaultModel(Path home);

    /**
     * Loads a model, checking it against its model card before any image is scored.
     *
     * @throws ModelException when the model is missing, corrupt or does not match the contract
     */
    ScoringModel load(Path model, BackendOptions options);
}
