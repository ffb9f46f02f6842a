package hcr.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The ink of a picture exactly as the EMNIST preprocessing sees it before cropping: the paper
 * followed under any light, the polarity decided, printed ruling and form boxes erased. For tools
 * that look at a whole page ({@code hcr read}) rather than one character.
 *
 * @param width  columns of the map
 * @param height rows of the map
 * @param scale  source pixels per map pixel along each side (photos larger than 1024 px are reduced)
 * @param ink    row-major, 0 for paper up to 1 for solid ink; not to be modified
 */
public record InkMap(int width, int height, int scale, float[] ink) {

    public InkMap {
        if (width < 1 || height < 1 || scale < 1 || ink.length < width * height) {
            throw new IllegalArgumentException("bad ink map " + width + "x" + height + " scale " + scale);
        }
    }

    /**
     * @throws NoInkException when the picture is blank or only shading
     */
    public static InkMap of(BufferedImage image) {
        GreyImage grey = new GreyImage();
        new GreyReader().read(image, grey);
        InkExtractor extractor = new InkExtractor();
        extractor.extract(grey);
        new LineEraser().erase(extractor.ink, grey.width, grey.height);
        return new InkMap(grey.width, grey.height, GreyReader.factorFor(image.getWidth(), image.getHeight()),
                Arrays.copyOf(extractor.ink, grey.width * grey.height));
    }

    /** Ink strength at map pixel (x, y). */
    public float at(int x, int y) {
        return ink[y * width + x];
    }
}
