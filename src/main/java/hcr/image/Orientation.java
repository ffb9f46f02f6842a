package hcr.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.w3c.dom.Node;

/**
 * How a stored picture must be turned to stand upright, as the format-neutral
 * {@code javax_imageio_1.0} metadata names it ({@code Dimension/ImageOrientation}): flips followed
 * by counter-clockwise rotations. TwelveMonkeys fills it from a JPEG's EXIF or a TIFF's tag 274, so
 * phone photos taken sideways come out upright without parsing EXIF here.
 */
enum Orientation {
    NORMAL(false),
    ROTATE_90(true),
    ROTATE_180(false),
    ROTATE_270(true),
    FLIP_H(false),
    FLIP_V(false),
    FLIP_H_ROTATE_90(true),
    FLIP_V_ROTATE_90(true);

    private final boolean swapsSides;

    Orientation(boolean swapsSides) {
        this.swapsSides = swapsSides;
    }

    static Orientation of(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return NORMAL;
        }
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        Node value = find(find(root, "Dimension"), "ImageOrientation");
        if (value == null || value.getAttributes().getNamedItem("value") == null) {
            return NORMAL;
        }
        return named(value.getAttributes().getNamedItem("value").getNodeValue());
    }

    static Orientation named(String name) {
        return switch (name) {
            case "Rotate90" -> ROTATE_90;
            case "Rotate180" -> ROTATE_180;
            case "Rotate270" -> ROTATE_270;
            case "FlipH" -> FLIP_H;
            case "FlipV" -> FLIP_V;
            case "FlipHRotate90" -> FLIP_H_ROTATE_90;
            case "FlipVRotate90" -> FLIP_V_ROTATE_90;
            default -> NORMAL;
        };
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

    /** Maps source coordinates to upright ones: x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12. */
    private AffineTransform transform(int w, int h) {
        return switch (this) {
            case NORMAL -> new AffineTransform();
            case ROTATE_90 -> new AffineTransform(0, -1, 1, 0, 0, w);
            case ROTATE_180 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case ROTATE_270 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case FLIP_H -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case FLIP_V -> new AffineTransform(1, 0, 0, -1, 0, h);
            case FLIP_H_ROTATE_90 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case FLIP_V_ROTATE_90 -> new AffineTransform(0, -1, -1, 0, h, w);
        };
    }

    private static Node find(Node parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (name.equals(child.getNodeName())) {
                return child;
            }
        }
        return null;
    }
}
