package hcr.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.engine.EchoModel;
import hcr.engine.NameTranslator;
import hcr.image.EmnistTensor;
import hcr.image.ImageDecoder;
import hcr.runtime.Backends;
import hcr.runtime.BackendOptions;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecogniserTest {
    private static final Path SAMPLES = Path.of("tools/samples");

    @Test
    void picturesInMemoryAreReadExactlyAsTheSameFilesOnDisk() throws IOException {
        EmnistTranslator translator = new EmnistTranslator(ImageDecoder.withDefaults());
        for (String name : List.of("letter_A.jpg", "letter_B.png", "number_3.png")) {
            Path file = SAMPLES.resolve(name);
            float[] fromFile = new float[EmnistTensor.PIXELS];
            float[] fromBytes = new float[EmnistTensor.PIXELS];

            translator.translate(file, fromFile, 0);
            translator.translate(Files.readAllBytes(file), fromBytes, 0);

            assertThat(fromBytes).as(name).containsExactly(fromFile);
        }
    }

    @Test
    void theShippedModelReadsTheSamplePicturesFromBytes() throws IOException {
        try (ScoringModel model = Backends.named("onnx").load(
                Backends.named("onnx").defaultModel(Path.of("")), BackendOptions.defaults())) {
            Recogniser core = Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.all(), 3);

            List<Outcome> outcomes = core.recognise(List.of(
                    picture("letter_A.jpg"), new Picture("junk.png", "not a picture".getBytes(StandardCharsets.UTF_8)),
                    picture("number_7.png")));

            assertThat(outcomes).extracting(Outcome::name).containsExactly("letter_A.jpg", "junk.png", "number_7.png");
            assertThat(((Outcome.Recognised) outcomes.get(0)).recognition().best().character()).isEqualTo("A");
            assertThat(((Outcome.Failed) outcomes.get(1)).reason()).contains("not an image");
            Recognition seven = ((Outcome.Recognised) outcomes.get(2)).recognition();
            assertThat(seven.best().character()).isEqualTo("7");
            assertThat(seven.candidates()).hasSize(3);
            assertThat(seven.tensor()).hasSize(EmnistTensor.PIXELS);
        }
    }

    @Test
    void aBadPictureNeverCostsTheOthersInTheSameCall() {
        Recogniser core = Recogniser.of(new EchoModel(), new NameTranslator(), Charset.all(), 1);

        List<Outcome> outcomes = core.recognise(List.of(
                new Picture("a", bytes("0001-A")), new Picture("b", bytes("0002-bad-Q")), new Picture("c", bytes("0003-7"))));

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(Outcome.Recognised.class,
                r -> assertThat(r.recognition().best().character()).isEqualTo("A"));
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(Outcome.Failed.class,
                f -> assertThat(f.reason()).contains("rejected by test"));
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Recognised.class,
                r -> assertThat(r.recognition().best().character()).isEqualTo("7"));
    }

    @Test
    void manyImagesAreScoredInBatchesOfAtMostTheLimit() {
        EchoModel model = new EchoModel();
        Recogniser core = Recogniser.of(model, new NameTranslator(), Charset.all(), 1);
        int count = Recogniser.MAX_BATCH * 2 + 3;

        float[] probabilities = core.probabilities(new float[count * EmnistTensor.PIXELS], count);

        assertThat(probabilities).hasSize(count * 62);
        assertThat(model.batchSizes()).containsExactly(Recogniser.MAX_BATCH, Recogniser.MAX_BATCH, 3);
    }

    private static Picture picture(String name) throws IOException {
        return new Picture(name, Files.readAllBytes(SAMPLES.resolve(name)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
