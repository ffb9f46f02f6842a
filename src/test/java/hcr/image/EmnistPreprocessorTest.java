package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EmnistPreprocessorTest {
    private static final int SIDE = EmnistTensor.SIDE;

    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();
    private final Glyphs.Glyph glyph = Glyphs.Glyph.random(42);

    @Test
    void aBlankPageHasNoInk() {
        assertThatThrownBy(() -> preprocessor.toTensor(filled(300, 200, Color.WHITE)))
                .isInstanceOf(NoInkException.class).hasMessageContaining("no ink");
    }

    @Test
    void aUniformColourHasNoInk() {
        assertThatThrownBy(() -> preprocessor.toTensor(filled(64, 64, new Color(40, 120, 200))))
                .isInstanceOf(NoInkException.class);
    }

    @Test
    void jpegNoiseOnBlankPaperIsNotInk() {
        BufferedImage grainy = filled(200, 200, new Color(230, 228, 220));
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int v = 225 + random.nextInt(11);
                grainy.setRGB(x, y, new Color(v, v, v).getRGB());
            }
        }

        assertThatThrownBy(() -> preprocessor.toTensor(Renderings.jpegRoundTrip(grainy, 0.5f)))
                .isInstanceOf(NoInkException.class);
    }

    @Test
    void greyPaperGivesTheSameTensorAsWhitePaper() {
        float[] onWhite = preprocessor.toTensor(glyph.draw(200));
        float[] onGrey = preprocessor.toTensor(remap(glyph.draw(200), 40, 160));

        assertThat(Similarity.between(onWhite, onGrey).meanAbsoluteDifference()).isLessThan(0.01);
    }

    @Test
    void unevenLightIsNotMistakenForInk() {
        // Light falls off from 255 to 105 across the page: the dark corner is far darker than the ink's contrast floor.
        BufferedImage clean = glyph.draw(240);
        BufferedImage shaded = new BufferedImage(240, 240, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 240; x++) {
                double light = 1 - 0.6 * (x + y) / 480.0;
                shaded.getRaster().setSample(x, y, 0, (int) (clean.getRaster().getSample(x, y, 0) * light));
            }
        }

        float[] expected = preprocessor.toTensor(clean);
        float[] actual = preprocessor.toTensor(shaded);

        assertThat(Similarity.between(expected, actual).correlation()).isGreaterThan(0.97);
    }

    @Test
    void isolatedSpecksDoNotMoveTheCrop() {
        BufferedImage clean = glyph.draw(240);
        BufferedImage dusty = glyph.draw(240);
        Graphics2D g = dusty.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(5, 5, 3, 3);
        g.fillRect(230, 200, 2, 2);
        g.fillRect(10, 228, 3, 2);
        g.dispose();

        assertThat(preprocessor.toTensor(dusty)).containsExactly(preprocessor.toTensor(clean),
                org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void transparentBackgroundCountsAsPaper() {
        BufferedImage inkOnly = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        BufferedImage onWhite = glyph.draw(200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                int coverage = 255 - onWhite.getRaster().getSample(x, y, 0);
                inkOnly.setRGB(x, y, coverage << 24);
            }
        }

        assertThat(Similarity.between(preprocessor.toTensor(onWhite), preprocessor.toTensor(inkOnly))
                .meanAbsoluteDifference()).isLessThan(0.01);
    }

    @Test
    void keepsTheAspectRatioAndCentresTheInkBox() {
        BufferedImage bar = filled(300, 300, Color.WHITE);
        Graphics2D g = bar.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(20, 40, 60, 180);
        g.dispose();

        float[] out = preprocessor.toTensor(bar);

        int[] box = inkBox(out, 0.5f);
        int width = box[2] - box[0];
        int height = box[3] - box[1];
        assertThat(height).isBetween(EmnistPreprocessor.BOX - 1, EmnistPreprocessor.BOX + 1);
        assertThat((double) width / height).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.06));
        assertThat((box[0] + box[2]) / 2.0).isCloseTo(SIDE / 2.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat((box[1] + box[3]) / 2.0).isCloseTo(SIDE / 2.0, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aHairlinePenComesOutAsThickAsEmnistStrokes() {
        BufferedImage hairline = filled(600, 600, Color.WHITE);
        Graphics2D g = hairline.createGraphics();
        g.setColor(Color.BLACK);
        g.drawLine(300, 50, 300, 550);
        g.drawLine(150, 300, 450, 300);
        g.dispose();

        float[] out = preprocessor.toTensor(hairline);

        // Between the thinning threshold and EMNIST's 90th percentile (4.46).
        assertThat(StrokeThickener.strokeWidth(out, 0)).isBetween(StrokeThickener.THIN, 4.5);
    }

    @Test
    void strokesOfEmnistWidthAreLeftAlone() {
        float[] out = preprocessor.toTensor(glyph.draw(200));
        assertThat(StrokeThickener.strokeWidth(out, 0)).isBetween(StrokeThickener.THIN, 4.5);
    }

    @Test
    void threadsSharingOneInstanceGetTheSameResultsAsOneThread() throws Exception {
        List<BufferedImage> pictures = IntStream.range(0, 24)
                .mapToObj(i -> Glyphs.Glyph.random(i).draw(60 + 20 * i)).toList();
        List<float[]> sequential = pictures.stream().map(preprocessor::toTensor).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> parallel = pictures.stream()
                    .map(p -> pool.submit(() -> preprocessor.toTensor(p))).toList();
            for (int i = 0; i < pictures.size(); i++) {
                assertThat(parallel.get(i).get()).containsExactly(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Path> shippedSamples() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("tools/samples"))) {
            return files.filter(ImageDecoder::isSupported).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedSamples")
    void everyShippedSampleBecomesAWellFramedTensor(Path sample) {
        float[] out = preprocessor.toTensor(ImageDecoder.withDefaults().decode(sample));

        int[] box = inkBox(out, 0.5f);
        assertThat(Math.max(box[2] - box[0], box[3] - box[1])).isBetween(EmnistPreprocessor.BOX - 2, SIDE);
        assertThat(StrokeThickener.strokeWidth(out, 0)).isBetween(2.0, 5.0);
    }

    /** {left, top, right, bottom} (exclusive) of the values at or above the threshold. */
    private static int[] inkBox(float[] tensor, float threshold) {
        int[] box = {SIDE, SIDE, 0, 0};
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                if (tensor[y * SIDE + x] >= threshold) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x + 1);
                    box[3] = Math.max(box[3], y + 1);
                }
            }
        }
        return box;
    }

    private static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Maps black to {@code ink} and white to {@code paper}, linearly. */
    private static BufferedImage remap(BufferedImage grey, int ink, int paper) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < grey.getHeight(); y++) {
            for (int x = 0; x < grey.getWidth(); x++) {
                int v = grey.getRaster().getSample(x, y, 0);
                out.getRaster().setSample(x, y, 0, ink + (paper - ink) * v / 255);
            }
        }
        return out;
    }
}
