package hcr.engine;

import java.nio.file.Path;

/**
 * The engine's view of pre-processing (DJL's "translator" split): a picture file in, one image of
 * the tensor contract (784 floats, upright, ink light on dark, [0,1]) out. Implementations must be
 * thread-safe: the engine calls them from its decode pool.
 */
public interface InputTranslator {

    /**
     * Writes the picture's 784 floats into {@code out[offset ..]}.
     *
     * @throws hcr.image.ImageRejectedException when this one picture cannot be used (the batch goes
     *         on; its {@code reason()} is reported); any other {@link hcr.HcrException} is reported
     *         the same way with its message
     */
    void translate(Path file, float[] out, int offset);
}
