package hcr.export;

import hcr.HcrException;

/** A model that cannot be exported, or an export that cannot be written. */
public class ExportException extends HcrException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
