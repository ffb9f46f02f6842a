package hcr.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * How a stored picture must be turned to stand upright: the values 1 to 8 of the EXIF and TIFF
 * orientation tag (274), in that order. Phone photos taken sideways carry 6 or 8; mirrored ones
 * (front cameras, scanners) the others.
 */
enum Orientation {
    /** 1: stored upright. */
    NORMAL(false),
    /** 2: mirrored left to right. */
    MIRROR(false),
    /** 3: upside down. */
    ROTATE_180(false),
    /** 4: mirrored top to bottom. */
    FLIP(false),
    /** 5: mirrored across the diagonal from the top left corner: rows become columns. */
    TRANSPOSE(true),
    /** 6: must be turned 90 degrees clockwise. */
    ROTATE_CLOCKWISE(true),
    /** 7: mirrored across the diagonal from the top right corner. */
    TRANSVERSE(true),
    /** 8: must be turned 90 degrees anticlockwise. */
    ROTATE_ANTICLOCKWISE(true);

    private final boolean swapsSides;

    Orientation(boolean swapsSides) {
        this.swapsSides = swapsSides;
    }

    /** The orientation a tag value names; values outside 1-8 (none, or garbage) leave the picture as stored. */
    static Orientation ofTag(int value) {
        return value >= 1 && value <= 8 ? values()[value - 1] : NORMAL;
    }

    BufferedImage apply(BufferedImage image) {
        if (this == NORMAL) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_RGB : image.getType();
        BufferedImage turned = swapsSides ? new BufferedImage(h, w, type) : new BufferedImage(w, h, type);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform(w, h), null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    /**
     * Maps stored coordinates to upright ones (pixel edges, so a w-wide row runs from 0 to w).
     * Arguments in AffineTransform's order: m00, m10, m01, m11, m02, m12, for
     * x' = m00 x + m01 y + m02 and y' = m10 x + m11 y + m12.
     */
    private AffineTransform transform(int w, int h) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case MIRROR -> new AffineTransform(-1, 0, 0, 1, w, 0); // x' = w - x
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h); // x' = w - x, y' = h - y
            case FLIP -> new AffineTransform(1, 0, 0, -1, 0, h); // y' = h - y
            case TRANSPOSE -> new AffineTransform(0, 1, 1, 0, 0, 0); // x' = y, y' = x
            case ROTATE_CLOCKWISE -> new AffineTransform(0, 1, -1, 0, h, 0); // x' = h - y, y' = x
            case TRANSVERSE -> new AffineTransform(0, -1, -1, 0, h, w); // x' = h - y, y' = w - x
            case ROTATE_ANTICLOCKWISE -> new AffineTransform(0, -1, 1, 0, 0, w); // x' = y, y' = w - x
        };
    }
}
