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
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Printed ruling under a string and a printed box around a field are taken out by the shared
 * paper estimate ({@code InkMap}, through {@code hcr.image.LineEraser}) before segmentation: the
 * reader reads the same text as from the clean picture, and finds one line, not a second one
 * made of the ruling. (Pictures under 64 px on a side are not yet erased: see the loop.)
 */
class RuledFieldTest {
    private static final int STRINGS = 12;
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

    @Test
    void aRuledLineUnderTheStringIsNotRead() {
        assertReadsAsClean(RuledFieldTest::ruledUnder);
    }

    @Test
    void aBoxedFieldIsReadWithoutItsBox() {
        assertReadsAsClean(RuledFieldTest::boxed);
    }

    private static void assertReadsAsClean(UnaryOperator<LineRenderer.Line> print) {
        LineReader reader = new LineReader(Recogniser.of(model, EmnistTranslator.withDefaults(), Charset.parse("digits"), 2));
        LineRenderer renderer = new LineRenderer(images, holdout, Alphabet.DIGITS, Spacing.SPACED, 5);
        int same = 0;
        // Even strings only: the renderer draws odd ones at 1x, under 64 px tall, and LineEraser
        // leaves pictures smaller than PaperSurface.MIN_SIDE alone (an open gap, #13's estimate).
        for (int n = 0; n < 2 * STRINGS; n += 2) {
            LineRenderer.Line line = renderer.render(n);
            Reading clean = reader.read(InkMap.of(line.picture()));
            Reading printed = reader.read(InkMap.of(print.apply(line).picture()));
            assertThat(printed.lines()).as("string %d", n).hasSize(1);
            same += printed.text().equals(clean.text()) ? 1 : 0;
        }
        assertThat(same).isGreaterThanOrEqualTo(STRINGS - 1);
    }

    /** A 2-px grey rule from edge to edge just under the string's lowest ink. */
    private static LineRenderer.Line ruledUnder(LineRenderer.Line line) {
        BufferedImage copy = copy(line.picture());
        int below = 0;
        for (int[] box : line.boxes()) {
            below = Math.max(below, box[1] + box[3]);
        }
        Graphics2D g = copy.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, Math.min(copy.getHeight() - 2, below + 1), copy.getWidth(), 2);
        g.dispose();
        return new LineRenderer.Line(copy, line.text(), line.boxes());
    }

    /** A 1-px dark frame a few pixels inside the picture's edges, around the whole field. */
    private static LineRenderer.Line boxed(LineRenderer.Line line) {
        BufferedImage copy = copy(line.picture());
        Graphics2D g = copy.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.setStroke(new BasicStroke(1));
        g.drawRect(2, 2, copy.getWidth() - 5, copy.getHeight() - 5);
        g.dispose();
        return new LineRenderer.Line(copy, line.text(), line.boxes());
    }

    private static BufferedImage copy(BufferedImage picture) {
        // Raster for raster: drawing into another type would convert the grey levels.
        return new BufferedImage(picture.getColorModel(), picture.copyData(null), picture.isAlphaPremultiplied(), null);
    }
}
