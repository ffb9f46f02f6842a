package hcr.runtime;

import hcr.HcrException;

/** {@code --backend} named no backend on the class path. */
public class UnknownBackendException extends HcrException {
    public UnknownBackendException(String message) {
        super(message);
    }
}
