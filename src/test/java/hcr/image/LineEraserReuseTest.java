package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The line eraser keeps state between pictures (remembered run lengths, line marks cleared only
 * where lines were found); one eraser over many pictures, as a preprocessing thread uses it, erases
 * exactly what a fresh one does. (That the run lengths it reads are the runs along each line is
 * {@link LineEraserRunsTest}'s.)
 */
class LineEraserReuseTest {

    @Property(tries = 60)
    void aReusedEraserErasesWhatAFreshOneDoes(@ForAll @IntRange(min = 64, max = 160) int w,
            @ForAll @IntRange(min = 64, max = 160) int h, @ForAll long seed) {
        Random random = new Random(seed);
        LineEraser reused = new LineEraser();
        for (int picture = 0; picture < 6; picture++) {
            int pw = picture % 2 == 0 ? w : h;
            int ph = picture % 2 == 0 ? h : w;
            float[] ink = InkMaps.withLines(pw, ph, random);
            float[] expected = ink.clone();
            boolean expectedFound = new LineEraser().erase(expected, pw, ph);

            assertThat(reused.erase(ink, pw, ph)).as("picture %d", picture).isEqualTo(expectedFound);
            assertThat(InkMaps.firstDifference(ink, expected)).as("picture %d", picture).isEmpty();
        }
    }
}
