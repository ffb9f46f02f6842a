package hcr.recognise;

import hcr.image.EmnistPreprocessor;
import hcr.image.ImageDecoder;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Function;

/** The production translator: decode with {@link ImageDecoder}, then apply the EMNIST recipe. */
public final class EmnistTranslator implements InputTranslator {
    private final ImageDecoder decoder;
    // The preprocessor is not promised to be thread-safe; one per decode thread costs nothing.
    private final ThreadLocal<EmnistPreprocessor> preprocessor = ThreadLocal.withInitial(EmnistPreprocessor::new);

    public EmnistTranslator(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    public static EmnistTranslator withDefaults() {
        return new EmnistTranslator(ImageDecoder.withDefaults());
    }

    @Override
    public void translate(Path file, float[] out, int offset) {
        // Preprocess inside decode: a large picture's memory stays reserved until it is reduced to 28x28.
        decoder.decode(file, toTensor(out, offset));
    }

    @Override
    public void translate(byte[] picture, float[] out, int offset) {
        decoder.decode(picture, toTensor(out, offset));
    }

    private Function<BufferedImage, BufferedImage> toTensor(float[] out, int offset) {
        return image -> {
            preprocessor.get().toTensor(image, out, offset);
            return image;
        };
    }
}
