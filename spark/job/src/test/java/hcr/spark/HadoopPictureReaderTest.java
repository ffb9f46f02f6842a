package hcr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import hcr.image.ImageDecoder;
import hcr.image.UnreadableImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local pictures are read straight from the disk, and refused in the words of hcr infer's decoder. */
class HadoopPictureReaderTest {
    private final HadoopPictureReader reader = new HadoopPictureReader(Map.of(), 1000);

    @TempDir
    Path dir;

    @Test
    void readsALocalFileWhole() throws IOException {
        Path file = Files.write(dir.resolve("a b#1.png"), new byte[] {1, 2, 3});

        assertThat(reader.read(file.toUri().toString())).containsExactly(1, 2, 3);
    }

    @Test
    void refusesAMissingFileADirectoryAndAnEmptyFileAsHcrInferDoes() throws IOException {
        Path missing = dir.resolve("missing.png");
        Path directory = Files.createDirectory(dir.resolve("folder.png"));
        Path empty = Files.createFile(dir.resolve("empty.png"));

        for (Path file : new Path[] {missing, directory, empty}) {
            assertThat(readerReason(file)).isEqualTo(decoderReason(file));
        }
    }

    @Test
    void refusesAFileOverTheLimitBeforeReadingIt() throws IOException {
        Path large = Files.write(dir.resolve("large.png"), new byte[1001]);

        assertThat(readerReason(large))
                .isEqualTo("file too large for the Spark job: 1,001 bytes, the limit is 1,000 (--max-file-bytes)");
    }

    private String readerReason(Path file) {
        return catchThrowableOfType(UnreadableImageException.class, () -> reader.read(file.toUri().toString())).reason();
    }

    private static String decoderReason(Path file) {
        return catchThrowableOfType(UnreadableImageException.class,
                () -> new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS).decode(file)).reason();
    }
}
