package hcr.eval;

import hcr.HcrException;

/** The model was trained on other classes, or in another order, than the evaluation data has. */
public class LabelMismatchException extends HcrException {
    public LabelMismatchException(String message) {
        super(message);
    }
}
