package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The line eraser reads run lengths only where it needs them; it erases exactly what the eraser
 * that worked out all of them first ({@link FullRunsLineEraser}) does, bit for bit, on ink maps
 * holding ruling, squares, boxes, pen strokes and noise.
 */
class LineEraserIdentityTest {

    @Property(tries = 400)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void erasesExactlyWhatTheFullRunLengthsErase(@ForAll @IntRange(min = 64, max = 220) int w,
            @ForAll @IntRange(min = 64, max = 220) int h, @ForAll long seed) {
        float[] ink = InkMaps.withLines(w, h, new Random(seed));
        float[] expected = ink.clone();
        float[] actual = ink.clone();

        boolean expectedFound = new FullRunsLineEraser().erase(expected, w, h);
        boolean actualFound = new LineEraser().erase(actual, w, h);

        Statistics.collect(expectedFound);
        // Both outcomes often enough that either path is held to the specification.
        Statistics.coverage(coverage -> {
            coverage.check(true).percentage(p -> p > 20);
            coverage.check(false).percentage(p -> p > 20);
        });
        assertThat(actualFound).isEqualTo(expectedFound);
        assertThat(InkMaps.firstDifference(actual, expected)).isEmpty();
    }

    /** One eraser over many pictures, as a preprocessing thread uses it: nothing of one picture leaks into the next. */
    @Property(tries = 30)
    void aReusedEraserErasesWhatAFreshOneDoes(@ForAll @IntRange(min = 64, max = 160) int w,
            @ForAll @IntRange(min = 64, max = 160) int h, @ForAll long seed) {
        Random random = new Random(seed);
        LineEraser reused = new LineEraser();
        for (int picture = 0; picture < 6; picture++) {
            int pw = picture % 2 == 0 ? w : h;
            int ph = picture % 2 == 0 ? h : w;
            float[] ink = InkMaps.withLines(pw, ph, random);
            float[] expected = ink.clone();
            boolean expectedFound = new FullRunsLineEraser().erase(expected, pw, ph);

            assertThat(reused.erase(ink, pw, ph)).as("picture %d", picture).isEqualTo(expectedFound);
            assertThat(InkMaps.firstDifference(ink, expected)).as("picture %d", picture).isEmpty();
        }
    }

    @Property(tries = 3)
    void largePicturesWithThickerLinesToo(@ForAll @IntRange(min = 512, max = 700) int side, @ForAll long seed) {
        float[] ink = InkMaps.withLines(side, side + 7, new Random(seed));
        float[] expected = ink.clone();
        float[] actual = ink.clone();

        assertThat(new LineEraser().erase(actual, side, side + 7))
                .isEqualTo(new FullRunsLineEraser().erase(expected, side, side + 7));
        assertThat(InkMaps.firstDifference(actual, expected)).isEmpty();
    }
}
