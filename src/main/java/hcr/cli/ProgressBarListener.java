package hcr.cli;

import hcr.data.ProgressListener;

/** Shows the data layer's progress on a {@link ProgressBar}. */
record ProgressBarListener(ProgressBar bar) implements ProgressListener {
    @Override
    public void total(long total) {
        bar.total(total);
    }

    @Override
    public void done(long done) {
        bar.set(done);
    }
}
