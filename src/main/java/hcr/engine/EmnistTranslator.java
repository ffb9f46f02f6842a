package hcr.engine;

import hcr.image.EmnistPreprocessor;
import hcr.image.ImageDecoder;
import java.nio.file.Path;

/** The production translator: decode with {@link ImageDecoder}, then apply the EMNIST recipe. */
public final class EmnistTranslator implements InputTranslator {
    private final ImageDecoder decoder;
    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    public EmnistTranslator(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        preprocessor.toTensor(decoder.decode(file), out, offset);
    }
}
