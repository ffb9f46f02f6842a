package hcr.model;

import hcr.data.LabelMap;
import hcr.runtime.ModelCard;
import java.util.LinkedHashMap;
import java.util.Map;

/** The card written beside a trained model: labels, contract, data, hyperparameters and figures. */
public final class ModelCards {
    public static final String NAME = "hcr-emnist-byclass";
    public static final String VERSION = "1";

    private ModelCards() {
    }

    /**
     * @param data what was trained on (source, parts, counts, extra, holdout rule): free-form, for people
     */
    public static ModelCard of(LabelMap labels, NetworkSpec spec, TrainingOptions options, Map<String, Object> data,
                               TrainingResult result, float[] priorShift) {
        Map<String, Object> hyper = new LinkedHashMap<>();
        hyper.put("network", spec);
        hyper.put("epochs", options.epochs());
        hyper.put("batchSize", options.batchSize());
        hyper.put("learningRate", options.learningRate());
        hyper.put("schedule", "cosine decay to 0 over all epochs, per step");
        hyper.put("optimizer", "Adam (beta1 0.9, beta2 0.999, epsilon 1e-7)");
        hyper.put("seed", options.seed());
        hyper.put("patience", options.patience());
        hyper.put("augmentation", options.augmentation());
        hyper.put("batchNorm", options.batchNorm() ? "after each convolution, folded into it for serving" : "none");
        hyper.put("weightAverageDecay", options.averageDecay());
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("data", data);
        training.put("hyperparameters", hyper);
        training.put("epochsRun", result.history().size());
        training.put("bestEpoch", result.bestEpoch());
        training.put("stoppedEarly", result.stoppedEarly());
        training.put("seconds", Math.round(result.seconds()));
        training.put("priorCorrection", priorShift != null);
        training.put("history", result.history());
        EpochMetrics best = result.bestMetrics();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("trainLoss", best.trainLoss());
        metrics.put("trainAccuracy", best.trainAccuracy());
        metrics.put("validationLoss", best.validationLoss());
        metrics.put("validationAccuracy", best.validationAccuracy());
        return new ModelCard(NAME, VERSION, labels.characters(), ModelCard.INPUT, ModelCard.OUTPUT,
                ModelCard.PREPROCESSING, training, metrics);
    }
}
