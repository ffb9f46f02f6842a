package hcr.image;

import java.awt.image.BufferedImage;

/**
 * A picture's ink strength per pixel, 0 (paper) to 1 (solid stroke), on the same paper and ink
 * estimate the single-character recipe uses ({@link GreyReader} then {@link InkExtractor}), so
 * whatever improves that estimate (lighting, ruled lines) improves every door reading it.
 *
 * <p>Pictures larger than {@link GreyReader#MAX_WORKING_SIDE} are read shrunk by an integer
 * {@link #scale()}: multiply map coordinates by it to get the picture's.
 *
 * @param ink row-major, {@code width * height} values; owned by this map
 */
public record InkMap(int width, int height, int scale, float[] ink) {

    public InkMap {
        if (width < 1 || height < 1 || scale < 1 || ink.length < width * height) {
            throw new IllegalArgumentException("bad ink map " + width + "x" + height + " scale " + scale);
        }
    }

    /** @throws NoInkException when the picture is blank */
    public static InkMap of(BufferedImage image) {
        GreyImage grey = new GreyImage();
        new GreyReader().read(image, grey);
        InkExtractor extractor = new InkExtractor();
        extractor.extract(grey);
        int scale = Math.max(1, (Math.max(image.getWidth(), image.getHeight()) + GreyReader.MAX_WORKING_SIDE - 1)
                / GreyReader.MAX_WORKING_SIDE);
        return new InkMap(grey.width, grey.height, scale, java.util.Arrays.copyOf(extractor.ink, grey.width * grey.height));
    }
}
