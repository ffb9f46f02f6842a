package hcr;

/**
 * A failure the user can act on: its message is shown as is, without a stack trace.
 * Each package throws its own subtypes; only {@code hcr.cli} maps them to exit codes.
 */
public class HcrException extends RuntimeException {
    public HcrException(String message) {
        super(message);
    }

    public HcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
