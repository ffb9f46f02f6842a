package hcr.recognise;

import java.nio.file.Path;

/**
 * Pre-processing (DJL's "translator" split): a picture in, one image of the tensor contract
 * (784 floats, upright, ink light on dark, [0,1]) out. Every door uses it: the directory engine
 * hands it files, the server and the Spark job hand it the bytes they received, never writing
 * them to disk. Implementations must be thread-safe.
 */
public interface InputTranslator {

    /**
     * Writes the picture file's 784 floats into {@code out[offset ..]}.
     *
     * @throws hcr.image.ImageRejectedException when this one picture cannot be used (the batch goes
     *         on; its {@code reason()} is reported); any other {@link hcr.HcrException} is reported
     *         the same way with its message
     */
    void translate(Path file, float[] out, int offset);

    /** As {@link #translate(Path, float[], int)}, for an encoded picture already in memory. */
    void translate(byte[] picture, float[] out, int offset);
}
