package hcr.engine;

/** Hears how many inputs have been accounted for so far (predicted or failed). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = done -> { };

    void progressed(long done);
}
