package hcr.read;

/** A picture's name (as the user gave it), its size in pixels, and what was read in it. */
public record PictureReading(String name, int width, int height, Reading reading) {
}
