package hcr.data;

/**
 * A data file exists but is not what it claims to be: wrong magic number, truncated, counts that
 * disagree, an unsafe zip entry, a mapping that does not fit the labels.
 */
public final class DataFormatException extends DataException {
    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
