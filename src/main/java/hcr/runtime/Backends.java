package hcr.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The backends on the class path, found through {@link ServiceLoader}. */
public final class Backends {
    /** The backend commands use without {@code --backend}: ONNX Runtime starts faster and needs less memory than TF. */
    public static final String DEFAULT = "onnx";

    private Backends() {
    }

    public static List<Backend> available() {
        return ServiceLoader.load(Backend.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Backend::name))
                .toList();
    }

    /**
     * The backend {@code --backend name} asks for or, when none is named, the one that reads
     * {@code model}: a directory is a TensorFlow SavedModel, anything else (an .onnx file) is ONNX.
     */
    public static Backend forModel(String name, Path model) {
        if (name != null) {
            return named(name);
        }
        return named(model != null && Files.isDirectory(model) ? "tf" : DEFAULT);
    }

    public static Backend named(String name) {
        List<Backend> all = available();
        return all.stream()
                .filter(b -> b.name().equalsIgnoreCase(name))
                .findFirst()
                .orElseThrow(() -> new UnknownBackendException("unknown backend '" + name + "'; available: "
                        + all.stream().map(Backend::name).collect(Collectors.joining(", "))));
    }
}
