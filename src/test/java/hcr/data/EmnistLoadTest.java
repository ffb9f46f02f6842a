package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmnistLoadTest {
    private static final ImageSet SAMPLE = FakeEmnist.randomByClass(130, 7);

    @TempDir
    Path temp;

    @ParameterizedTest(name = "gzipped={0}")
    @ValueSource(booleans = {true, false})
    void readsADirectoryOfGzippedOrRawIdxFiles(boolean gzipped) {
        Path dir = FakeEmnist.writeDirectory(temp.resolve("emnist"), FakeEmnist.files("byclass", Part.TEST, SAMPLE, gzipped));

        assertSameImages(Emnist.load(dir, "byclass", Part.TEST), SAMPLE);
    }

    @Test
    void readsNistsGzipZipWithoutUnpackingIt() {
        Path zip = FakeEmnist.writeZip(temp.resolve("gzip.zip"), "gzip/", FakeEmnist.files("byclass", Part.TRAIN, SAMPLE, true));

        assertSameImages(Emnist.load(zip, "byclass", Part.TRAIN), SAMPLE);
        assertThat(temp.toFile().list()).containsExactly("gzip.zip");
    }

    @Test
    void readsTheEmnistPythonPackagesCacheZip() {
        Path cache = temp.resolve(".cache/emnist");
        Path zip = FakeEmnist.writeZip(FakeEmnist.writeDirectory(cache, Map.of()).resolve("emnist.zip"), "gzip/",
                FakeEmnist.files("byclass", Part.TEST, SAMPLE, true));

        assertSameImages(Emnist.load(zip, "byclass", Part.TEST), SAMPLE);
    }

    @Test
    void readsRawIdxEntriesInsideAZip() {
        Path zip = FakeEmnist.writeZip(temp.resolve("raw.zip"), "", FakeEmnist.files("letters", Part.TRAIN, SAMPLE, false));

        assertSameImages(Emnist.load(zip, "letters", Part.TRAIN), SAMPLE);
    }

    @Test
    void limitReadsOnlyTheFirstImages() {
        Path dir = FakeEmnist.writeDirectory(temp, FakeEmnist.files("byclass", Part.DEV, SAMPLE, true));

        ImageSet first = Emnist.load(dir, "byclass", Part.DEV, 5);

        assertSameImages(first, SAMPLE.first(5));
    }

    @Test
    void labelsMapThroughTheSplitsMappingFile() {
        LabelMap digitsAsLetters = LabelMap.ofCharacters("abcdefghij");
        ImageSet set = ImageSet.wrap(new byte[10 * ImageSet.PIXELS], labelsDescending(10), digitsAsLetters);
        Path dir = FakeEmnist.writeDirectory(temp, FakeEmnist.files("digits", Part.TEST, set, true));

        ImageSet loaded = Emnist.load(dir, "digits", Part.TEST);

        assertThat(loaded.labelMap()).isEqualTo(digitsAsLetters);
        assertThat(loaded.labelMap().character(loaded.label(0))).isEqualTo("j");
    }

    @Test
    void listsThePartsPresent() {
        Map<String, byte[]> files = new java.util.HashMap<>(FakeEmnist.files("byclass", Part.DEV, SAMPLE, true));
        files.putAll(FakeEmnist.files("byclass", Part.EXTRA, SAMPLE, false));
        files.putAll(FakeEmnist.files("mnist", Part.TRAIN, SAMPLE, true));
        Path dir = FakeEmnist.writeDirectory(temp, files);

        assertThat(Emnist.parts(dir, "byclass")).containsExactly(Part.DEV, Part.EXTRA);
    }

    @Test
    void summarizesAPartFromItsLabelsWithoutReadingTheImages() {
        Map<String, byte[]> files = new java.util.HashMap<>(FakeEmnist.files("byclass", Part.TEST, SAMPLE, true));
        byte[] imagesHeaderOnly = java.util.Arrays.copyOf(IdxWriter.images(SAMPLE), 16);
        files.put("emnist-byclass-test-images-idx3-ubyte.gz", IdxWriter.gzip(imagesHeaderOnly));
        Path dir = FakeEmnist.writeDirectory(temp, files);

        PartSummary summary = Emnist.summarize(dir, "byclass", Part.TEST);

        assertThat(summary.images()).isEqualTo(130);
        assertThat(summary.count(0)).as("labels cycle 0..61: 0 appears at 0, 62, 124").isEqualTo(3);
        assertThat(summary.count(61)).isEqualTo(2);
        assertThat(java.util.Arrays.stream(summary.perClass()).sum()).isEqualTo(130);
    }

    @Test
    void readsTheSharedDevFileWith62ClassesAnd104691Images() {
        ImageSet dev = Emnist.load(SharedData.emnist(), "byclass", Part.DEV);

        assertThat(dev.size()).isEqualTo(104_691);
        assertThat(dev.labelMap()).isEqualTo(LabelMap.byClass());
    }

    private static byte[] labelsDescending(int n) {
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (n - 1 - i);
        }
        return labels;
    }

    static void assertSameImages(ImageSet actual, ImageSet expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.labelMap()).isEqualTo(expected.labelMap());
        byte[] a = new byte[ImageSet.PIXELS];
        byte[] e = new byte[ImageSet.PIXELS];
        for (int i = 0; i < expected.size(); i++) {
            actual.copyTo(i, a, 0);
            expected.copyTo(i, e, 0);
            assertThat(a).as("image %d", i).isEqualTo(e);
            assertThat(actual.label(i)).as("label %d", i).isEqualTo(expected.label(i));
        }
    }
}
