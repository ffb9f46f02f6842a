package hcr.model;

import java.util.List;

/**
 * A finished run: the weights of the epoch with the lowest validation loss, and every epoch's figures.
 *
 * @param best         weights of the best epoch
 * @param bestEpoch    its number (1-based)
 * @param history      every completed epoch, in order
 * @param stoppedEarly whether patience ran out before the last epoch
 * @param seconds      wall time of all epochs, including those of an interrupted earlier process
 */
public record TrainingResult(Parameters best, int bestEpoch, List<EpochMetrics> history, boolean stoppedEarly,
                             double seconds) {
    public EpochMetrics bestMetrics() {
        return history.get(bestEpoch - 1);
    }
}
