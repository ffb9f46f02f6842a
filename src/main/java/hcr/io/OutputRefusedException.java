package hcr.io;

import hcr.HcrException;

/** An output hcr will not write: it would replace something hcr did not write, or an input, or cannot be written at all. */
public class OutputRefusedException extends HcrException {
    public OutputRefusedException(String message) {
        super(message);
    }
}
