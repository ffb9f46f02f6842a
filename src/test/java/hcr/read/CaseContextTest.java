package hcr.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseContextTest {
    private static final List<String> LABELS = labels();

    private static List<String> labels() {
        List<String> l = new ArrayList<>();
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".chars().forEach(c -> l.add(Character.toString(c)));
        return l;
    }

    /** One row per box, each giving its two labels the two probabilities. */
    private static float[] rows(String[][] pairs, float[][] p) {
        float[] rows = new float[pairs.length * LABELS.size()];
        for (int i = 0; i < pairs.length; i++) {
            for (int k = 0; k < pairs[i].length; k++) {
                rows[i * LABELS.size() + LABELS.indexOf(pairs[i][k])] = p[i][k];
            }
        }
        return rows;
    }

    private static float p(float[] rows, int box, String label) {
        return rows[box * LABELS.size() + LABELS.indexOf(label)];
    }

    @Test
    void aLookAlikeAsSmallAsTheXHeightIsLowerCaseAndOneAsTallAsTheCapitalsUpper() {
        // "A" fixes the cap line at 0 and the baseline at 100; box 1 is x-height, box 2 full height.
        List<Box> boxes = List.of(new Box(0, 0, 60, 100), new Box(70, 40, 50, 60), new Box(130, 0, 80, 100));
        float[] rows = rows(new String[][] {{"A"}, {"c", "C"}, {"s", "S"}}, new float[][] {{1f}, {0.4f, 0.6f}, {0.7f, 0.3f}});
        int[] best = {LABELS.indexOf("A"), LABELS.indexOf("C"), LABELS.indexOf("s")};

        new CaseContext(LABELS).apply(boxes, rows, best);

        assertThat(p(rows, 1, "c")).isGreaterThan(0.9f);
        assertThat(p(rows, 1, "c") + p(rows, 1, "C")).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
        assertThat(p(rows, 2, "S")).isGreaterThan(0.9f);
        assertThat(p(rows, 0, "A")).isEqualTo(1f);
    }

    @Test
    void aSmallRingAmongDigitsIsALetterOAndATallOneStaysZeroOrO() {
        List<Box> boxes = List.of(new Box(0, 0, 50, 100), new Box(60, 40, 50, 60), new Box(120, 0, 60, 100));
        float[] rows = rows(new String[][] {{"7"}, {"0", "O", "o"}, {"0", "O", "o"}},
                new float[][] {{1f}, {0.5f, 0.3f, 0.2f}, {0.5f, 0.3f, 0.2f}});
        int[] best = {LABELS.indexOf("7"), LABELS.indexOf("0"), LABELS.indexOf("0")};

        new CaseContext(LABELS).apply(boxes, rows, best);

        assertThat(p(rows, 1, "o")).isGreaterThan(p(rows, 1, "0") + p(rows, 1, "O"));
        assertThat(p(rows, 2, "o")).isLessThan(0.01f);
    }

    @Test
    void theLinesComeFromCharactersWhoseCaseTheShapeTells() {
        // A capital from 10 to 110 and an x-height 'e' whose top sits 40% of the way down.
        List<Box> boxes = List.of(new Box(0, 10, 50, 100), new Box(60, 50, 40, 60));
        int[] best = {LABELS.indexOf("K"), LABELS.indexOf("e")};
        double[] lines = new CaseContext(LABELS).fitLines(boxes, best);
        assertThat(lines[0]).isCloseTo(10, org.assertj.core.data.Offset.offset(0.5));
        assertThat(lines[1]).isCloseTo(110, org.assertj.core.data.Offset.offset(0.5));
    }
}
