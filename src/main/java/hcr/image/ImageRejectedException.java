package hcr.image;

import hcr.HcrException;

/**
 * One picture could not be turned into a tensor. The batch goes on; the caller reports
 * {@link #reason()} beside the file name.
 */
public class ImageRejectedException extends HcrException {
    private final String reason;

    public ImageRejectedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public ImageRejectedException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** A short, specific reason without the file name, e.g. "truncated or corrupt PNG". */
    public String reason() {
        return reason;
    }
}
