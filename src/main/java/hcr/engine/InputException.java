package hcr.engine;

import hcr.HcrException;

/** The input as a whole is unusable: missing, not a directory, or holding no pictures. */
public class InputException extends HcrException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
