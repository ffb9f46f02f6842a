package hcr.engine;

import hcr.image.EmnistPreprocessor;
import hcr.image.ImageDecoder;
import java.nio.file.Path;

/** The production translator: decode with {@link ImageDecoder}, then apply the EMNIST recipe. */
public final class EmnistTranslator implements InputTranslator {
    private final ImageDecoder decoder;
    // The preprocessor is not promised to be thread-safe; one per decode thread costs nothing.
    private final ThreadLocal<EmnistPreprocessor> preprocessor = ThreadLocal.withInitial(EmnistPreprocessor::new);

    public EmnistTranslator(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        // Preprocess inside decode: a large picture's memory stays reserved until it is reduced to 28x28.
        decoder.decode(file, image -> {
            preprocessor.get().toTensor(image, out, offset);
            return image;
        });
    }
}
