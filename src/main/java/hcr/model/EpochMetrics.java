package hcr.model;

/**
 * One finished epoch. Training figures are averaged over the epoch's steps (augmented images,
 * dropout on, before each step's update); validation figures are for the weights at its end.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double imagesPerSecond, double seconds) {
}
