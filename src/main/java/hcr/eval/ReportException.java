package hcr.eval;

import hcr.HcrException;

/** A report file could not be written. */
public class ReportException extends HcrException {
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
