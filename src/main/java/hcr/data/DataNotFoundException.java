package hcr.data;

/** A data file or source is missing; the message says how to get it. */
public final class DataNotFoundException extends DataException {
    public DataNotFoundException(String message) {
        super(message);
    }
}
