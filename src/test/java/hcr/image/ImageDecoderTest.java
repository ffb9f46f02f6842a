package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    private final ImageDecoder decoder = ImageDecoder.withDefaults();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "png, TYPE_BYTE_GRAY", "png, TYPE_USHORT_GRAY", "png, TYPE_BYTE_BINARY", "png, TYPE_BYTE_INDEXED",
        "png, TYPE_3BYTE_BGR", "jpg, TYPE_3BYTE_BGR", "jpg, TYPE_BYTE_GRAY", "bmp, TYPE_3BYTE_BGR",
        "bmp, TYPE_BYTE_BINARY", "gif, TYPE_BYTE_INDEXED", "tiff, TYPE_BYTE_GRAY", "tiff, TYPE_3BYTE_BGR",
        "tiff, TYPE_USHORT_GRAY",
    })
    void decodesCommonFormatsAndPixelLayouts(String format, String type) throws Exception {
        BufferedImage picture = blackSquareOnWhite(40, 30, BufferedImage.class.getField(type).getInt(null));
        Path file = write(picture, format, "picture." + format);

        BufferedImage decoded = decoder.decode(file);

        assertThat(decoded.getWidth()).isEqualTo(40);
        assertThat(decoded.getHeight()).isEqualTo(30);
        assertThat(Renderings.grey(decoded, 5, 5)).as("the square's ink").isLessThan(60);
        assertThat(Renderings.grey(decoded, 35, 25)).as("the paper").isGreaterThan(200);
    }

    @Test
    void compositesTransparencyOntoWhitePaper() throws Exception {
        BufferedImage picture = new BufferedImage(20, 20, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 10, 10);
        g.dispose();

        BufferedImage decoded = decoder.decode(write(picture, "png", "rgba.png"));

        assertThat(decoded.getColorModel().hasAlpha()).isFalse();
        assertThat(Renderings.grey(decoded, 15, 15)).as("transparent pixel").isEqualTo(255);
        assertThat(Renderings.grey(decoded, 5, 5)).as("opaque ink").isZero();
    }

    @Test
    void turnsAPhotoTakenSidewaysUprightFromItsExifOrientation() throws Exception {
        // Stored 40 wide and 20 high with the mark top left; EXIF 6 says "rotate 90 degrees clockwise to view".
        BufferedImage stored = blackSquareOnWhite(40, 20, BufferedImage.TYPE_3BYTE_BGR);
        Path file = dir.resolve("sideways.jpg");
        Files.write(file, TaggedPictures.jpeg(Renderings.jpegBytes(stored, 0.95f), 6));

        BufferedImage decoded = decoder.decode(file);

        assertThat(decoded.getWidth()).isEqualTo(20);
        assertThat(decoded.getHeight()).isEqualTo(40);
        assertThat(Renderings.grey(decoded, 15, 5)).as("mark now top right").isLessThan(60);
        assertThat(Renderings.grey(decoded, 5, 5)).as("top left is paper").isGreaterThan(200);
    }

    @Test
    void refusesAPictureWithTooManyPixelsBeforeDecodingIt() throws Exception {
        Path bomb = dir.resolve("bomb.png");
        Files.write(bomb, withPngSize(pngBytes(blackSquareOnWhite(10, 10, BufferedImage.TYPE_BYTE_GRAY)), 100_000, 100_000));

        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageContaining("too many pixels: 100000x100000 is 10000.0 megapixels, the limit is 50.0");
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        Path file = write(blackSquareOnWhite(40, 30, BufferedImage.TYPE_BYTE_GRAY), "png", "small.png");

        assertThat(new ImageDecoder(1200).decode(file).getWidth()).isEqualTo(40);
        assertThatThrownBy(() -> new ImageDecoder(1199).decode(file))
                .isInstanceOf(UnreadableImageException.class).hasMessageContaining("too many pixels");
    }

    @Test
    void rejectsAnEmptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.png"));
        assertRejected(empty, "empty file (0 bytes)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpg", "gif", "bmp"})
    void rejectsATruncatedFile(String format) throws Exception {
        byte[] whole = Files.readAllBytes(write(blackSquareOnWhite(64, 64, BufferedImage.TYPE_3BYTE_BGR), format, "whole." + format));
        Path cut = dir.resolve("cut." + format);
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));

        assertRejected(cut, "truncated or corrupt");
    }

    @Test
    void rejectsCorruptPixelData() throws Exception {
        byte[] png = pngBytes(blackSquareOnWhite(64, 64, BufferedImage.TYPE_BYTE_GRAY));
        for (int i = 60; i < png.length - 20; i++) {
            png[i] = (byte) (i * 31);
        }
        Path corrupt = dir.resolve("corrupt.png");
        Files.write(corrupt, png);

        assertRejected(corrupt, "truncated or corrupt");
    }

    @Test
    void rejectsTextWithAnImageExtension() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jpg"), "this is not a picture\n");
        assertRejected(text, "not an image (unrecognised content)");
    }

    @Test
    void rejectsADirectory() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.png"));
        assertRejected(folder, "is a directory, not an image file");
    }

    @Test
    void rejectsAMissingFile() {
        assertRejected(dir.resolve("missing.png"), "no such file");
    }

    @Test
    void rejectsAFileItMayNotRead() throws Exception {
        Path locked = write(blackSquareOnWhite(10, 10, BufferedImage.TYPE_BYTE_GRAY), "png", "locked.png");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "running with privileges that read any file");

        assertRejected(locked, "not readable (permission denied)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.png", "b.PNG", "c.jpg", "d.JPEG", "e.bmp", "f.gif", "g.tif", "h.TIFF", "i.webp"})
    void supportsImageExtensionsInAnyCase(String name) {
        assertThat(ImageDecoder.isSupported(Path.of("dir", name))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes.txt", "png", "archive.png.zip", "model.onnx", "README"})
    void ignoresOtherFiles(String name) {
        assertThat(ImageDecoder.isSupported(Path.of("dir", name))).isFalse();
    }

    private void assertRejected(Path file, String reason) {
        assertThatThrownBy(() -> decoder.decode(file))
                .isInstanceOf(UnreadableImageException.class)
                .satisfies(e -> assertThat(((ImageRejectedException) e).reason()).contains(reason));
    }

    /** White paper with a black 10x10 square in the top-left corner. */
    private static BufferedImage blackSquareOnWhite(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 10, 10);
        g.dispose();
        return image;
    }

    private Path write(BufferedImage image, String format, String name) throws IOException {
        return Renderings.writeFile(image, format, dir.resolve(name));
    }

    private static byte[] pngBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /** Rewrites the IHDR chunk (right after the 8-byte signature) to claim another size. */
    private static byte[] withPngSize(byte[] png, int width, int height) {
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        buffer.putInt(29, (int) crc.getValue());
        return png;
    }
}
