package hcr.engine;

import java.util.Optional;
import java.nio.file.Path;

/**
 * A run's result files in one format: rows are written as they come; {@link #commit} publishes
 * them, {@link #close} without commit leaves the previous results untouched.
 */
public interface Results extends PredictionSink, AutoCloseable {

    void commit();

    /** Where failures went, if they go to a file. */
    Optional<Path> errorsPath();

    @Override
    void close();
}
