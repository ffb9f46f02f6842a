package hcr.model;

/**
 * How to train (not what: that is {@link NetworkSpec}).
 *
 * @param epochs       maximum epochs
 * @param batchSize    images per Adam step
 * @param learningRate peak learning rate; a cosine schedule decays it towards 0 over all epochs
 * @param seed         seeds weights, shuffling, augmentation and dropout
 * @param patience     stop after this many epochs without a better validation loss (0 = never stop early)
 * @param augmentation distortions of training images
 * @param threads      TF intra-op threads
 * @param batchNorm    normalise each convolution's output by its batch statistics in training; the
 *                     statistics are then measured once per epoch and folded into the convolution at export
 * @param averageDecay decay of an exponential moving average of the weights over steps, which is
 *                     validated and exported instead of the last weights (0 = off)
 */
public record TrainingOptions(int epochs, int batchSize, float learningRate, long seed, int patience,
                              Augmentation augmentation, int threads, boolean batchNorm, float averageDecay) {
    /** Plain training: no batch normalisation, no weight averaging. */
    public TrainingOptions(int epochs, int batchSize, float learningRate, long seed, int patience,
                           Augmentation augmentation, int threads) {
        this(epochs, batchSize, learningRate, seed, patience, augmentation, threads, false, 0f);
    }

    public TrainingOptions {
        if (epochs <= 0) {
            throw new TrainingException("epochs must be positive, not " + epochs);
        }
        if (batchSize <= 0) {
            throw new TrainingException("batch size must be positive, not " + batchSize);
        }
        if (!(learningRate > 0)) {
            throw new TrainingException("learning rate must be positive, not " + learningRate);
        }
        if (patience < 0) {
            throw new TrainingException("patience must be 0 (off) or positive, not " + patience);
        }
        if (threads <= 0) {
            throw new TrainingException("threads must be positive, not " + threads);
        }
        if (!(averageDecay >= 0 && averageDecay < 1)) {
            throw new TrainingException("weight-average decay must be in [0,1) (0 = off), not " + averageDecay);
        }
    }

    boolean averagesWeights() {
        return averageDecay > 0;
    }

    /** Cosine decay from the peak rate at step 0 to 0 after the last step of the last epoch. */
    public float learningRateAt(long step, long totalSteps) {
        double progress = Math.min(1.0, (double) step / Math.max(1, totalSteps));
        return (float) (learningRate * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
