package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.LabelMap;
import hcr.data.Part;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationSelectionTest {
    private static final int DEV_SIZE = 25;
    private static final int TEST_SIZE = 7;

    @TempDir
    Path source;

    @Test
    void withoutATestPartTheDefaultIsTheDevHoldout() throws IOException {
        writePart(Part.DEV, DEV_SIZE);

        EvaluationSelection.Selected selected = selection(Optional.empty(), Optional.empty(), 10, Integer.MAX_VALUE).load(source);

        assertThat(labels(selected.images())).containsExactly(0, 10, 20);
        assertThat(selected.description()).isEqualTo("EMNIST byclass dev holdout (image i with i % 10 == 0)");
    }

    @Test
    void withATestPartTheDefaultIsAllOfIt() throws IOException {
        writePart(Part.DEV, DEV_SIZE);
        writePart(Part.TEST, TEST_SIZE);

        EvaluationSelection.Selected selected = selection(Optional.empty(), Optional.empty(), 10, Integer.MAX_VALUE).load(source);

        assertThat(selected.images().size()).isEqualTo(TEST_SIZE);
        assertThat(selected.description()).isEqualTo("EMNIST byclass test");
    }

    @Test
    void theHoldoutModulusIsAnOption() throws IOException {
        writePart(Part.DEV, DEV_SIZE);
        assertThat(labels(selection(Optional.of(Part.DEV), Optional.empty(), 5, Integer.MAX_VALUE).load(source).images()))
                .containsExactly(0, 5, 10, 15, 20);
    }

    @Test
    void allScoresEveryImageOfThePart() throws IOException {
        writePart(Part.DEV, DEV_SIZE);
        assertThat(selection(Optional.of(Part.DEV), Optional.of(false), 10, Integer.MAX_VALUE).load(source).images().size())
                .isEqualTo(DEV_SIZE);
    }

    @Test
    void limitKeepsTheFirstImagesOfTheSelection() throws IOException {
        writePart(Part.DEV, DEV_SIZE);

        EvaluationSelection.Selected selected = selection(Optional.empty(), Optional.empty(), 10, 2).load(source);

        assertThat(labels(selected.images())).containsExactly(0, 10);
        assertThat(selected.description()).endsWith(", first 2");
    }

    private static EvaluationSelection selection(Optional<Part> part, Optional<Boolean> holdout, int modulus, int limit) {
        return new EvaluationSelection("byclass", part, holdout, new Holdout(modulus), limit);
    }

    private static int[] labels(ImageSet images) {
        return IntStream.range(0, images.size()).map(images::label).toArray();
    }

    /** Raw IDX files whose image i has label i % 62, plus the ByClass mapping. */
    private void writePart(Part part, int n) throws IOException {
        String prefix = "emnist-byclass-" + part.name().toLowerCase() + "-";
        try (DataOutputStream images = idx(prefix + "images-idx3-ubyte", 0x803, n)) {
            images.writeInt(ImageSet.SIDE);
            images.writeInt(ImageSet.SIDE);
            images.write(new byte[n * ImageSet.PIXELS]);
        }
        try (DataOutputStream labels = idx(prefix + "labels-idx1-ubyte", 0x801, n)) {
            for (int i = 0; i < n; i++) {
                labels.writeByte(i % 62);
            }
        }
        LabelMap map = LabelMap.byClass();
        StringBuilder mapping = new StringBuilder();
        for (int label = 0; label < map.size(); label++) {
            mapping.append(label).append(' ').append(map.code(label)).append('\n');
        }
        Files.writeString(source.resolve("emnist-byclass-mapping.txt"), mapping);
    }

    private DataOutputStream idx(String name, int magic, int count) throws IOException {
        OutputStream out = Files.newOutputStream(source.resolve(name));
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(magic);
        data.writeInt(count);
        return data;
    }
}
