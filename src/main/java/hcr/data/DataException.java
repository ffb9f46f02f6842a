package hcr.data;

import hcr.HcrException;

/** Base of the data layer's user-facing failures. */
public class DataException extends HcrException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
