package hcr.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One thing the source found: a picture to recognise, or a path it already knows is unusable
 * (e.g. a symbolic link looping back to its own parent), which still deserves an errors row.
 */
public record SourceEntry(Path path, Optional<String> problem) {

    public static SourceEntry picture(Path path) {
        return new SourceEntry(path, Optional.empty());
    }

    public static SourceEntry unusable(Path path, String problem) {
        return new SourceEntry(path, Optional.of(problem));
    }
}
