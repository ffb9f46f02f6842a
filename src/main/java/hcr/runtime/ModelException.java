package hcr.runtime;

import hcr.HcrException;

/** A model that is missing, unreadable or not what hcr expects. */
public class ModelException extends HcrException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
