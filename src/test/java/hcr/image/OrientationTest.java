package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.image.TaggedPictures.Format;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A picture stored with an EXIF orientation tag comes out of the decoder as the upright picture
 * the tag describes, in every format that can carry the tag. The expected stored pixels come
 * from the tag's definition ("row 0 is the visual right-hand side, column 0 the visual top" for 6
 * and so on), not from the decoder's transforms.
 */
class OrientationTest {
    /** Cells of 8x8 pixels keep a JPEG's blocks uniform, so even JPEG keeps them exactly black or white. */
    private static final int CELL = 8;
    private static final int COLUMNS = 4;
    private static final int ROWS = 3;

    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @Property(tries = 200)
    void everyTaggedPictureIsDecodedUpright(@ForAll Format format, @ForAll @IntRange(min = 1, max = 8) int orientation,
            @ForAll @IntRange(min = 0, max = (1 << COLUMNS * ROWS) - 1) int inkedCells) {
        BufferedImage upright = cells(inkedCells);

        BufferedImage decoded = decode(TaggedPictures.encode(stored(upright, orientation), format, orientation));

        assertSamePicture(decoded, upright, format);
    }

    @ParameterizedTest(name = "{0}, orientation {1}")
    @CsvSource({
        "JPEG, 1", "JPEG, 2", "JPEG, 3", "JPEG, 4", "JPEG, 5", "JPEG, 6", "JPEG, 7", "JPEG, 8",
        "PNG, 1", "PNG, 2", "PNG, 3", "PNG, 4", "PNG, 5", "PNG, 6", "PNG, 7", "PNG, 8",
        "WEBP, 1", "WEBP, 2", "WEBP, 3", "WEBP, 4", "WEBP, 5", "WEBP, 6", "WEBP, 7", "WEBP, 8",
        "TIFF, 1", "TIFF, 2", "TIFF, 3", "TIFF, 4", "TIFF, 5", "TIFF, 6", "TIFF, 7", "TIFF, 8",
    })
    void theInkedTopLeftCornerEndsTopLeftForEveryOrientation(Format format, int orientation) {
        // One inked cell in a wider-than-high picture tells all eight orientations apart.
        BufferedImage upright = cells(1);

        BufferedImage decoded = decode(TaggedPictures.encode(stored(upright, orientation), format, orientation));

        assertThat(decoded.getWidth()).isEqualTo(COLUMNS * CELL);
        assertThat(decoded.getHeight()).isEqualTo(ROWS * CELL);
        assertThat(Renderings.grey(decoded, CELL / 2, CELL / 2)).as("ink top left").isLessThan(128);
        assertSamePicture(decoded, upright, format);
    }

    @ParameterizedTest(name = "tag value {0}")
    @CsvSource({"0", "9", "65535"})
    void aTagOutsideOneToEightLeavesThePictureAsStored(int value) {
        BufferedImage picture = cells(1);

        assertSamePicture(decode(TaggedPictures.encode(picture, Format.PNG, value)), picture, Format.PNG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JPEG", "PNG", "WEBP"})
    void aDamagedExifBlockLeavesThePictureAsStoredInsteadOfRefusingIt(Format format) {
        BufferedImage picture = cells(1);
        byte[] bytes = TaggedPictures.encode(picture, format, 6);
        byte[] exif = TaggedPictures.exif(6);
        int at = indexOf(bytes, exif);
        bytes[at + 4] = 0x7F; // IFD0 offset now points far past the end of the block

        assertSamePicture(decode(bytes), picture, format);
    }

    /** White paper; bit {@code r * COLUMNS + c} of {@code inked} set means cell (c, r) is black. */
    private static BufferedImage cells(int inked) {
        BufferedImage picture = new BufferedImage(COLUMNS * CELL, ROWS * CELL, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                boolean ink = (inked >> (y / CELL * COLUMNS + x / CELL) & 1) == 1;
                picture.getRaster().setSample(x, y, 0, ink ? 0 : 255);
            }
        }
        return picture;
    }

    /**
     * The picture as a camera stores it under the tag: where the tag says stored row 0 and column 0
     * are in the upright picture (EXIF 2.3, tag 274).
     */
    private static BufferedImage stored(BufferedImage upright, int orientation) {
        int w = upright.getWidth();
        int h = upright.getHeight();
        boolean swapped = orientation >= 5;
        BufferedImage stored = new BufferedImage(swapped ? h : w, swapped ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < stored.getHeight(); y++) {
            for (int x = 0; x < stored.getWidth(); x++) {
                int[] at = switch (orientation) {
                    case 2 -> new int[] {w - 1 - x, y}; // row 0 at the top, column 0 on the right
                    case 3 -> new int[] {w - 1 - x, h - 1 - y}; // row 0 at the bottom, column 0 on the right
                    case 4 -> new int[] {x, h - 1 - y}; // row 0 at the bottom, column 0 on the left
                    case 5 -> new int[] {y, x}; // row 0 on the left, column 0 at the top
                    case 6 -> new int[] {w - 1 - y, x}; // row 0 on the right, column 0 at the top
                    case 7 -> new int[] {w - 1 - y, h - 1 - x}; // row 0 on the right, column 0 at the bottom
                    case 8 -> new int[] {y, h - 1 - x}; // row 0 on the left, column 0 at the bottom
                    default -> new int[] {x, y};
                };
                stored.getRaster().setSample(x, y, 0, upright.getRaster().getSample(at[0], at[1], 0));
            }
        }
        return stored;
    }

    private BufferedImage decode(byte[] bytes) {
        return decoder.decode(bytes, Function.identity());
    }

    /** Same size and the same pixels; JPEG's only to the ink/paper threshold. */
    private static void assertSamePicture(BufferedImage decoded, BufferedImage expected, Format format) {
        assertThat(decoded.getWidth()).as("width").isEqualTo(expected.getWidth());
        assertThat(decoded.getHeight()).as("height").isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int want = expected.getRaster().getSample(x, y, 0);
                int got = Renderings.grey(decoded, x, y);
                if (format == Format.JPEG) {
                    assertThat(got < 128).as("ink at (%d, %d)", x, y).isEqualTo(want < 128);
                } else {
                    assertThat(got).as("grey at (%d, %d)", x, y).isEqualTo(want);
                }
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("EXIF block not found");
    }
}
