package hcr.data;

import java.util.Locale;

/** How {@link EmnistRenderer} turns an EMNIST image into a picture file. */
public enum RenderStyle {
    /** The 28x28 image itself: white ink on black, PNG. */
    PLAIN28("png"),
    /** Black ink on white, upscaled 4x with a margin, JPEG: a flatbed scan of a form box. */
    SCAN("jpg"),
    /** Dark ink on light-grey paper, random size and place on a larger canvas, mild noise, PNG. */
    PHOTO("png");

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
