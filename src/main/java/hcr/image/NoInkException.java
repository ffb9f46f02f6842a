package hcr.image;

/** The picture decoded but shows nothing to recognise: a blank page or a uniform colour. */
public final class NoInkException extends ImageRejectedException {
    public NoInkException(String reason) {
        super(reason);
    }
}
