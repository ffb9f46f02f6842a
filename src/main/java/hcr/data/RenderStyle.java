package hcr.data;

import java.util.Locale;

/** How {@link EmnistRenderer} turns an EMNIST image into a picture file. */
public enum RenderStyle {
    /** The 28x28 image itself: white ink on black, PNG. */
    PLAIN28("png"),
    /** Black ink on white, upscaled 4x with a margin, JPEG: a flatbed scan of a form box. */
    SCAN("jpg"),
    /** Dark ink on light-grey paper, random size and place on a larger canvas, mild noise, PNG. */
    PHOTO("png"),
    /** The photo lit from one side: paper and ink fall off by 120 grey levels across the canvas, in a random direction. */
    GRADIENT("png"),
    /** The photo with a radial vignette: the corners get 35-50% less light than the centre. */
    VIGNETTE("png"),
    /** The photo with a soft shadow edge across it: 35-50% less light on one side of a random line. */
    SHADOW("png"),
    /** The photo on ruled notebook paper: light-blue lines 1-2 px thick every 20-32 px, under the ink. */
    RULED("png"),
    /** The photo on squared paper: light-blue lines 1 px thick every 16-24 px both ways, under the ink. */
    SQUARED("png"),
    /** The photo inside a printed form box 1-2 px thick, 4-16 px of paper around the character. */
    BOXED("png");

    private final String extension;

    RenderStyle(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The name used on the command line. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
