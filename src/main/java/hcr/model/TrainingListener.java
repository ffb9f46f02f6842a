package hcr.model;

/** What a caller (the CLI) hears about a running training; all calls come from the training thread. */
public interface TrainingListener {
    default void epochStarted(int epoch, int epochs, long images) {
    }

    /** {@code images} of the epoch's training images are done. */
    default void progress(int epoch, long images) {
    }

    default void epochFinished(EpochMetrics metrics, boolean best) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
