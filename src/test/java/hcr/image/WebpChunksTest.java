package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebpChunksTest {
    /** A 1x1 extended WebP: VP8X canvas, ALPH chunk, then a lossy VP8 frame at byte 50. */
    private static final byte[] EXTENDED = Base64.getDecoder().decode("UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwA"
            + "AAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");
    private static final int FRAME_WIDTH = 50 + 8 + 6;

    @TempDir
    Path dir;

    @Test
    void findsTheFrameInsideTheExtendedContainer() throws Exception {
        assertThat(WebpChunks.of(Files.write(dir.resolve("one.webp"), EXTENDED)).largestFramePixels()).isEqualTo(1);
    }

    @Test
    void aFrameLargerThanItsOneByOneCanvasIsRefusedBeforeTheReaderAllocatesIt() throws Exception {
        byte[] bytes = EXTENDED.clone();
        bytes[FRAME_WIDTH] = (byte) 0x98; // 15000 = 0x3A98, 14 bits
        bytes[FRAME_WIDTH + 1] = 0x3A;
        bytes[FRAME_WIDTH + 2] = (byte) 0xC8; // 13000 = 0x32C8
        bytes[FRAME_WIDTH + 3] = 0x32;
        Path file = Files.write(dir.resolve("claims.webp"), bytes);

        assertThat(WebpChunks.of(file).largestFramePixels()).isEqualTo(15000L * 13000);
        assertThatThrownBy(() -> ImageDecoder.withDefaults().decode(file))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessage("too many pixels: a WEBP frame of 195.0 megapixels, the limit is 50.0");
    }

    @Test
    void aLossyFrameWithoutItsStartCodeIsCorrupt() throws Exception {
        byte[] bytes = EXTENDED.clone();
        bytes[FRAME_WIDTH - 3] = 0;
        Path file = Files.write(dir.resolve("nostart.webp"), bytes);

        assertThatThrownBy(() -> ImageDecoder.withDefaults().decode(file))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessage("corrupt WEBP header (VP8 frame without its start code)");
    }
}
