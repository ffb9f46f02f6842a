package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Following the light and erasing printed lines leave evenly lit paper exactly as it was. */
class EvenPaperTensorsTest {
    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    static Stream<int[]> recorded() throws IOException {
        try (InputStream in = EvenPaperTensorsTest.class.getResourceAsStream("even-paper-tensors.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
            assertThat(lines).hasSize(EvenPaperTensors.CASES);
            return lines.stream().map(line -> line.split(" "))
                    .map(f -> new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1])});
        }
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void evenPaperGivesBitForBitTheTensorOfBeforeLightWasFollowed(int[] recorded) {
        float[] tensor = preprocessor.toTensor(EvenPaperTensors.picture(recorded[0]));

        assertThat(EvenPaperTensors.fingerprint(tensor)).as("picture %d", recorded[0]).isEqualTo(recorded[1]);
    }

    @org.junit.jupiter.api.Test
    void theRecordedPicturesCoverSizesFromTinyToLargeAndBothPolarities() {
        int[] sizes = IntStream.range(0, EvenPaperTensors.CASES).map(s -> EvenPaperTensors.picture(s).getWidth()).toArray();
        assertThat(IntStream.of(sizes).min().getAsInt()).isLessThan(PaperSurface.MIN_SIDE);
        assertThat(IntStream.of(sizes).max().getAsInt()).isGreaterThan(300);
    }
}
