package hcr.eval;

/**
 * What was evaluated, for report headers.
 *
 * @param model   the model path as given
 * @param backend the runtime that scored it ("tf", "onnx")
 * @param data    the images, in words, e.g. "EMNIST byclass dev holdout (i % 10 == 0)"
 */
public record EvaluationContext(String model, String backend, String data) {
}
