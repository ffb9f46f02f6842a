package hcr.image;

import com.twelvemonkeys.imageio.metadata.CompoundDirectory;
import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/**
 * Finds the orientation tag's number where each format keeps it: a PNG's {@code eXIf} chunk and a
 * TIFF's own tag 274 in the readers' native metadata; a JPEG's APP1 Exif segment straight from the
 * stream (the JPEG reader's native metadata tree costs 0.2 ms a picture, TwelveMonkeys'
 * JPEGSegmentUtil as much; measured); for WebP the caller hands over the EXIF chunk (TwelveMonkeys'
 * WebP reader drops it). The EXIF block itself is parsed by TwelveMonkeys' TIFFReader.
 *
 * <p>The number, not the format-neutral {@code ImageOrientation} name: TwelveMonkeys' JPEG reader
 * names 5 and 7 the other way round from its TIFF reader and the JDK (measured, 3.13.1), which
 * turned those JPEGs the wrong way. Broken metadata never costs the picture: it is taken as upright.
 */
final class OrientationTag {
    private static final String PNG_NATIVE = "javax_imageio_png_1.0";
    private static final String TIFF_NATIVE = "com_sun_media_imageio_plugins_tiff_image_1.0";
    private static final int SOI = 0xFFD8;
    private static final int APP1 = 0xE1;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private OrientationTag() {
    }

    /** From a reader's image metadata (null when there is none). */
    static Orientation of(IIOMetadata metadata) {
        if (metadata == null) {
            return Orientation.NORMAL;
        }
        try {
            String format = metadata.getNativeMetadataFormatName();
            if (format == null) {
                return Orientation.NORMAL;
            }
            Node root = metadata.getAsTree(format);
            return switch (format) {
                case PNG_NATIVE -> ofExif(pngExif(root));
                case TIFF_NATIVE -> Orientation.ofTag(tiffTag(root));
                default -> Orientation.NORMAL;
            };
        } catch (RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    /**
     * From a JPEG's APP1 Exif segment, read from where {@code in} stands (its start) through the
     * segment headers before the first scan; {@code in} is left as it was found.
     */
    static Orientation ofJpeg(ImageInputStream in) {
        try {
            long start = in.getStreamPosition();
            ByteOrder order = in.getByteOrder();
            try {
                in.setByteOrder(ByteOrder.BIG_ENDIAN);
                return ofExif(jpegExif(in));
            } finally {
                in.setByteOrder(order);
                in.seek(start);
            }
        } catch (IOException | RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    /** The first APP1 segment holding Exif, or null; stops at the first scan (SOS) like EXIF readers do. */
    private static byte[] jpegExif(ImageInputStream in) throws IOException {
        if (in.readUnsignedShort() != SOI) {
            return null;
        }
        while (true) {
            if (in.readUnsignedByte() != 0xFF) {
                return null; // not a marker: damaged, leave it to the decoder
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes
                marker = in.readUnsignedByte();
            }
            if (marker == SOS || marker == EOI) {
                return null;
            }
            int length = in.readUnsignedShort() - 2;
            if (length < 0) {
                return null;
            }
            if (marker == APP1 && length > EXIF_HEADER.length) {
                byte[] data = new byte[length];
                in.readFully(data);
                if (startsWithExifHeader(data)) {
                    return data;
                }
            } else {
                in.skipBytes(length);
            }
        }
    }

    /**
     * From an EXIF block: a TIFF header and its directories, with or without the {@code Exif\0\0}
     * prefix a JPEG puts before it (some writers copy it into PNG and WebP too). Null: none.
     */
    static Orientation ofExif(byte[] exif) {
        if (exif == null) {
            return Orientation.NORMAL;
        }
        byte[] tiff = startsWithExifHeader(exif) ? Arrays.copyOfRange(exif, EXIF_HEADER.length, exif.length) : exif;
        try {
            Directory directory = new TIFFReader().read(new InMemoryImageStream(tiff));
            if (directory instanceof CompoundDirectory ifds && ifds.directoryCount() > 0) {
                directory = ifds.getDirectory(0); // IFD0 is the picture; IFD1 is its thumbnail
            }
            Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
            return entry == null ? Orientation.NORMAL : Orientation.ofTag(number(entry.getValue()));
        } catch (IOException | RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof short[] s && s.length > 0) {
            return s[0];
        }
        if (value instanceof int[] i && i.length > 0) {
            return i[0];
        }
        return 0;
    }

    private static boolean startsWithExifHeader(byte[] bytes) {
        return bytes.length >= EXIF_HEADER.length
                && Arrays.equals(bytes, 0, EXIF_HEADER.length, EXIF_HEADER, 0, EXIF_HEADER.length);
    }

    /** UnknownChunks/UnknownChunk[type=eXIf]: the JDK's PNG reader keeps the chunk's bytes as they are. */
    private static byte[] pngExif(Node root) {
        for (Node chunk : children(child(root, "UnknownChunks"), "UnknownChunk")) {
            if ("eXIf".equals(attribute(chunk, "type")) && ((IIOMetadataNode) chunk).getUserObject() instanceof byte[] data) {
                return data;
            }
        }
        return null;
    }

    /** TIFFIFD/TIFFField[number=274]/TIFFShorts/TIFFShort[value]. */
    private static int tiffTag(Node root) {
        for (Node field : children(child(root, "TIFFIFD"), "TIFFField")) {
            if (String.valueOf(TIFF.TAG_ORIENTATION).equals(attribute(field, "number"))) {
                Node value = field.getFirstChild() == null ? null : field.getFirstChild().getFirstChild();
                String text = value == null ? null : attribute(value, "value");
                return text == null ? 0 : Integer.parseInt(text.strip());
            }
        }
        return 0;
    }

    private static Node child(Node parent, String name) {
        List<Node> named = children(parent, name);
        return named.isEmpty() ? null : named.get(0);
    }

    private static List<Node> children(Node parent, String name) {
        List<Node> named = new ArrayList<>();
        if (parent != null) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (name.equals(child.getNodeName())) {
                    named.add(child);
                }
            }
        }
        return named;
    }

    private static String attribute(Node node, String name) {
        Node attribute = node.getAttributes() == null ? null : node.getAttributes().getNamedItem(name);
        return attribute == null ? null : attribute.getNodeValue();
    }
}
