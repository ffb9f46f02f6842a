package hcr.model;

import hcr.HcrException;

/** Training cannot start or continue: bad options, unusable data, unwritable output. */
public class TrainingException extends HcrException {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
