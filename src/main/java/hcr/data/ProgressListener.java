package hcr.data;

/**
 * Progress of a long data operation (download, render), so the command line can draw a bar while
 * this package stays free of any user-interface code.
 */
public interface ProgressListener {
    /** Ignores all progress. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void total(long total) {
        }

        @Override
        public void done(long done) {
        }
    };

    /** The amount of work expected, in bytes or items; may be called again if it changes. */
    void total(long total);

    /** How much is done so far (absolute, not an increment). */
    void done(long done);
}
