package hcr.read;

/** An axis-aligned box in picture pixels; {@code right()} and {@code bottom()} are exclusive. */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative box size " + width + "x" + height);
        }
    }

    public static Box spanning(int left, int top, int right, int bottom) {
        return new Box(left, top, right - left, bottom - top);
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centreX() {
        return x + width / 2.0;
    }

    public Box union(Box other) {
        return spanning(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(right(), other.right()), Math.max(bottom(), other.bottom()));
    }

    /** Columns both boxes cover; negative is the gap between them. */
    public int overlapX(Box other) {
        return Math.min(right(), other.right()) - Math.max(x, other.x);
    }

    /** The same box in a picture {@code factor} times larger. */
    public Box scaled(int factor) {
        return factor == 1 ? this : new Box(x * factor, y * factor, width * factor, height * factor);
    }
}
