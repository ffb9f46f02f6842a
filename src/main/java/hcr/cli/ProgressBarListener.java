package hcr.cli;

import hcr.data.ProgressListener;

/** Shows the data layer's progress on a {@link ProgressBar}, counted in {@code unit}s (e.g. 1,000,000 for MB). */
record ProgressBarListener(ProgressBar bar, long unit) implements ProgressListener {
    ProgressBarListener(ProgressBar bar) {
        this(bar, 1);
    }

    @Override
    public void total(long total) {
        bar.total(total / unit);
    }

    @Override
    public void done(long done) {
        bar.set(done / unit);
    }
}
