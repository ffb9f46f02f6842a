package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmnistBadInputTest {
    private static final ImageSet SAMPLE = FakeEmnist.randomByClass(100, 3);
    private static final String IMAGES = "emnist-byclass-test-images-idx3-ubyte.gz";
    private static final String LABELS = "emnist-byclass-test-labels-idx1-ubyte.gz";
    private static final String MAPPING = "emnist-byclass-mapping.txt";

    @TempDir
    Path temp;

    private Map<String, byte[]> goodFiles() {
        return new LinkedHashMap<>(FakeEmnist.files("byclass", Part.TEST, SAMPLE, true));
    }

    private ImageSet load(Map<String, byte[]> files) {
        return Emnist.load(FakeEmnist.writeDirectory(temp.resolve("data"), files), "byclass", Part.TEST);
    }

    @Test
    void aMissingSourceSaysHowToGetTheData() {
        assertThatThrownBy(() -> Emnist.load(temp.resolve("nowhere"), "byclass", Part.TEST))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageContaining("nowhere")
                .hasMessageContaining("hcr data download");
    }

    @Test
    void aMissingFileIsNamedWithHowToGetIt() {
        Map<String, byte[]> files = goodFiles();
        files.remove(IMAGES);

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageContaining("emnist-byclass-test-images-idx3-ubyte")
                .hasMessageContaining("hcr data download");
    }

    @Test
    void aMissingMappingFileIsNamed() {
        Map<String, byte[]> files = goodFiles();
        files.remove(MAPPING);

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataNotFoundException.class)
                .hasMessageContaining(MAPPING);
    }

    @Test
    void aWrongMagicNumberIsReported() {
        Map<String, byte[]> files = goodFiles();
        files.put(IMAGES, IdxWriter.gzip(IdxWriter.labels(SAMPLE))); // a label file where images belong

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("emnist-byclass-test-images-idx3-ubyte")
                .hasMessageContaining("magic number 2049, expected 2051");
    }

    @Test
    void imagesThatAreNot28x28AreReported() {
        byte[] idx = IdxWriter.images(SAMPLE);
        ByteBuffer.wrap(idx).putInt(8, 32);
        Map<String, byte[]> files = goodFiles();
        files.put(IMAGES, IdxWriter.gzip(idx));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("32x28");
    }

    @Test
    void imageAndLabelCountsMustAgree() {
        Map<String, byte[]> files = goodFiles();
        files.put(LABELS, IdxWriter.gzip(IdxWriter.labels(SAMPLE.first(99))));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("100 images")
                .hasMessageContaining("99 labels");
    }

    @Test
    void summarizingAlsoChecksTheImageCount() {
        Map<String, byte[]> files = goodFiles();
        files.put(LABELS, IdxWriter.gzip(IdxWriter.labels(SAMPLE.first(99))));
        Path dir = FakeEmnist.writeDirectory(temp.resolve("data"), files);

        assertThatThrownBy(() -> Emnist.summarize(dir, "byclass", Part.TEST))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("100 images");
    }

    @Test
    void aTruncatedGzipIsReported() {
        Map<String, byte[]> files = goodFiles();
        byte[] gz = files.get(IMAGES);
        files.put(IMAGES, Arrays.copyOf(gz, gz.length / 2));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("emnist-byclass-test-images-idx3-ubyte")
                .hasMessageContaining("truncated");
    }

    @Test
    void aRawIdxShorterThanItsHeaderIsReportedAsTruncated() {
        Map<String, byte[]> files = new LinkedHashMap<>(FakeEmnist.files("byclass", Part.TEST, SAMPLE, false));
        String raw = "emnist-byclass-test-images-idx3-ubyte";
        files.put(raw, Arrays.copyOf(files.get(raw), 16 + 50 * ImageSet.PIXELS));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void corruptCompressedDataIsReported() {
        Map<String, byte[]> files = goodFiles();
        byte[] gz = files.get(IMAGES).clone();
        for (int i = 20; i < 60; i++) {
            gz[i] = (byte) 0xFF;
        }
        files.put(IMAGES, gz);

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("emnist-byclass-test-images-idx3-ubyte");
    }

    @Test
    void aZipEntryClimbingOutOfTheArchiveIsRefused() {
        Map<String, byte[]> files = goodFiles();
        files.put("../../evil.sh", "rm -rf ~".getBytes(StandardCharsets.US_ASCII));
        Path zip = FakeEmnist.writeZip(temp.resolve("gzip.zip"), "gzip/", files);

        assertThatThrownBy(() -> Emnist.load(zip, "byclass", Part.TEST))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("gzip/../../evil.sh");
    }

    @Test
    void aFileThatIsNotAZipIsReported() throws Exception {
        Path notZip = Files.writeString(temp.resolve("gzip.zip"), "<html>Service unavailable</html>");

        assertThatThrownBy(() -> Emnist.load(notZip, "byclass", Part.TEST))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("not a readable zip");
    }

    @Test
    void labelsBeyondTheMappingPointAtTheMappingFile() {
        Map<String, byte[]> files = goodFiles();
        files.put(MAPPING, IdxWriter.mapping(LabelMap.ofCharacters("0123456789"))); // the digits split's mapping

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("label 10 at index 10")
                .hasMessageContaining(MAPPING);
    }

    @Test
    void aMappingWithAGapIsReported() {
        Map<String, byte[]> files = goodFiles();
        files.put(MAPPING, "0 48\n2 50\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("label 1 is missing");
    }

    @Test
    void aMalformedMappingLineIsQuoted() {
        Map<String, byte[]> files = goodFiles();
        files.put(MAPPING, "0 48\n1 forty-nine\n".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> load(files))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("1 forty-nine");
    }

    @Test
    void everyFailureIsAUserFacingHcrException() {
        assertThat(hcr.HcrException.class).isAssignableFrom(DataNotFoundException.class);
        assertThat(hcr.HcrException.class).isAssignableFrom(DataFormatException.class);
    }
}
