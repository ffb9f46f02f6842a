package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import hcr.data.ImageSet;
import hcr.data.LabelMap;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class TrainingDataTest {
    /** Image i has every pixel equal to i % 256 and label i % 62, so images can be told apart. */
    private static ImageSet numbered(int n) {
        byte[] pixels = new byte[n * ImageSet.PIXELS];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(pixels, i * ImageSet.PIXELS, (i + 1) * ImageSet.PIXELS, (byte) i);
            labels[i] = (byte) (i % 62);
        }
        return ImageSet.wrap(pixels, labels, LabelMap.byClass());
    }

    @Property(tries = 20)
    void splitsThePoolIntoDisjointSetsThatCoverIt(@ForAll @DoubleRange(min = 0.05, max = 0.5) double fraction,
                                                 @ForAll long seed) {
        ImageSet pool = numbered(256);
        TrainingData data = TrainingData.split(pool, fraction, seed);

        assertThat(data.validation().size()).isEqualTo((int) Math.round(256 * fraction));
        Set<Integer> seen = new HashSet<>();
        for (ImageSet set : new ImageSet[] {data.training(), data.validation()}) {
            for (int i = 0; i < set.size(); i++) {
                assertThat(seen.add(set.pixel(i, 0))).as("image %d appears once", set.pixel(i, 0)).isTrue();
            }
        }
        assertThat(seen).hasSize(256);
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        ImageSet pool = numbered(200);
        TrainingData a = TrainingData.split(pool, 0.1, 42);
        TrainingData b = TrainingData.split(pool, 0.1, 42);
        for (int i = 0; i < a.validation().size(); i++) {
            assertThat(a.validation().pixel(i, 0)).isEqualTo(b.validation().pixel(i, 0));
        }
    }

    @Property(tries = 20)
    void aSampleKeepsTheAskedShareOfDistinctImagesInTheirOrder(
            @ForAll @DoubleRange(min = 0.01, max = 1) double fraction, @ForAll long seed) {
        ImageSet set = numbered(250);
        ImageSet sample = TrainingData.sample(set, fraction, seed);

        assertThat(sample.size()).isEqualTo(Math.max(1, (int) Math.round(250 * fraction)));
        for (int i = 1; i < sample.size(); i++) {
            assertThat(sample.pixel(i, 0)).as("original order, each image once").isGreaterThan(sample.pixel(i - 1, 0));
        }
        assertThat(TrainingData.sample(set, fraction, seed).pixel(sample.size() - 1, 0))
                .as("the same seed, the same sample").isEqualTo(sample.pixel(sample.size() - 1, 0));
    }

    @Test
    void samplesDifferBySeedAndTheWholeSetIsItself() {
        ImageSet set = numbered(200);
        assertThat(pixels(TrainingData.sample(set, 0.5, 1))).isNotEqualTo(pixels(TrainingData.sample(set, 0.5, 2)));
        assertThat(TrainingData.sample(set, 1, 1)).isSameAs(set);
        assertThatThrownBy(() -> TrainingData.sample(set, 0, 1)).isInstanceOf(TrainingException.class);
        assertThatThrownBy(() -> TrainingData.sample(set, 1.5, 1)).isInstanceOf(TrainingException.class);
    }

    private static java.util.List<Integer> pixels(ImageSet set) {
        return java.util.stream.IntStream.range(0, set.size()).mapToObj(i -> set.pixel(i, 0)).toList();
    }

    @Test
    void refusesAValidationFractionOutsideZeroToOne() {
        assertThatThrownBy(() -> TrainingData.split(numbered(10), 1.0, 1)).isInstanceOf(TrainingException.class);
        assertThatThrownBy(() -> TrainingData.split(numbered(10), 0.0, 1)).isInstanceOf(TrainingException.class);
    }

    @Test
    void priorShiftRaisesClassesTheTrainingSetUnderRepresents() {
        ImageSet pool = numbered(620);
        ImageSet skewed = TrainingData.concat(pool, pool.select(new int[] {0, 62, 124, 186, 248, 310}));

        float[] shift = TrainingData.priorShift(pool, skewed, 62);

        assertThat(shift[0]).as("class 0 is over-represented in training").isNegative();
        assertThat(shift[1]).as("class 1 is under-represented in training").isPositive();
        assertThat(TrainingData.priorShift(pool, pool, 62)).containsExactly(new float[62], within(1e-6f));
    }
}
