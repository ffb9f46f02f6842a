package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.Part;
import java.io.IOException;
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

    private void writePart(Part part, int n) throws IOException {
        EmnistFixture.writePart(source, part, n);
    }
}
