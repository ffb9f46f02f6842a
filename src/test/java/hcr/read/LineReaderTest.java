package hcr.read;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.LineRenderer;
import hcr.data.LineRenderer.Alphabet;
import hcr.data.LineRenderer.Spacing;
import hcr.data.Part;
import hcr.image.InkMap;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.ScoringModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader on strings rendered from EMNIST holdout images with the shipped model: a small
 * sample of what tools/ReadLinesEval.java measures, with bars well below its figures so the test
 * fails on a real regression, not on noise.
 */
class LineReaderTest {
    private static ImageSet images;
    private static int[] holdout;
    private static ScoringModel model;

    @BeforeAll
    static void load() {
        images = Emnist.load(SharedData.emnist(), "byclass", Part.DEV, 20_000);
        holdout = Holdout.everyTenth().holdoutIndices(images.size());
        model = ShippedModel.load();
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    private static double cer(Alphabet alphabet, Spacing spacing, String charset, int strings) {
        LineReader reader = new LineReader(Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.parse(charset), 2));
        LineRenderer renderer = new LineRenderer(images, holdout, alphabet, spacing, 7);
        long edits = 0;
        long length = 0;
        for (int n = 0; n < strings; n++) {
            LineRenderer.Line line = renderer.render(n);
            TextScore score = TextScore.of(line.text(), reader.read(InkMap.of(line.picture())).text());
            edits += score.edits();
            length += score.length();
        }
        return (double) edits / length;
    }

    @Test
    void spacedDigitsAreReadAlmostWithoutError() {
        assertThat(cer(Alphabet.DIGITS, Spacing.SPACED, "digits", 30)).isLessThan(0.06);
    }

    @Test
    void touchingDigitsAreMostlyCutApart() {
        assertThat(cer(Alphabet.DIGITS, Spacing.TOUCHING, "digits", 30)).isLessThan(0.3);
    }

    @Test
    void theTrueBoxesGiveOneCharacterEachWithItsBoxAndCandidates() {
        LineReader reader = new LineReader(Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.parse("digits"), 3));
        LineRenderer.Line line = new LineRenderer(images, holdout, Alphabet.DIGITS, Spacing.SPACED, 7).render(1);
        List<Box> boxes = line.boxes().stream().map(b -> new Box(b[0], b[1], b[2], b[3])).toList();

        Reading reading = reader.readBoxes(InkMap.of(line.picture()), boxes);

        List<ReadCharacter> chars = reading.lines().get(0).characters();
        assertThat(chars).extracting(ReadCharacter::box).containsExactlyElementsOf(boxes);
        assertThat(chars).allSatisfy(c -> assertThat(c.candidates()).hasSize(3));
        assertThat(chars).allSatisfy(c -> assertThat(c.character()).matches("[0-9]"));
    }

    @Test
    void aCharsetKeepsEveryCharacterInsideIt() {
        LineReader reader = new LineReader(Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.parse("upper"), 2));
        LineRenderer.Line line = new LineRenderer(images, holdout, Alphabet.MIXED, Spacing.TIGHT, 7).render(3);
        assertThat(reader.read(InkMap.of(line.picture())).text()).matches("[A-Z ]+");
    }
}
