package hcr.engine;

import hcr.HcrException;

/** A results file could not be written. */
public class OutputException extends HcrException {
    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}
