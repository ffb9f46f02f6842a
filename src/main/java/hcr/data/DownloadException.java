package hcr.data;

/** A download failed: offline, HTTP error, or a file that is not what was expected. */
public final class DownloadException extends DataException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
