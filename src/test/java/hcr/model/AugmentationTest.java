package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.ImageSet;
import hcr.image.EmnistTensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AugmentationTest {
    private static final ImageSet IMAGES = LearnableImages.generate(8, 3);

    private static float[] image(int i) {
        float[] pixels = new float[EmnistTensor.PIXELS];
        IMAGES.copyTo(i, pixels, 0);
        return pixels;
    }

    private static float[] augmented(Augmentation augmentation, int image, long seed, int epoch, long position) {
        float[] out = new float[EmnistTensor.PIXELS];
        augmentation.apply(image(image), out, 0, seed, epoch, position);
        return out;
    }

    @Property(tries = 50)
    void keepsValuesInTheTensorRange(@ForAll @IntRange(max = 7) int image, @ForAll long seed,
                                     @ForAll @IntRange(max = 100) int epoch) {
        float[] out = augmented(Augmentation.standard(), image, seed, epoch, 0);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Property(tries = 30)
    void dependsOnlyOnSeedEpochAndPosition(@ForAll @IntRange(max = 7) int image, @ForAll long seed,
                                           @ForAll @IntRange(max = 100) int epoch, @ForAll @IntRange(max = 10_000) int position) {
        assertThat(augmented(Augmentation.standard(), image, seed, epoch, position))
                .containsExactly(augmented(Augmentation.standard(), image, seed, epoch, position));
    }

    @Property(tries = 30)
    void drawsNewDistortionsEachEpoch(@ForAll @IntRange(max = 7) int image, @ForAll long seed) {
        assertThat(augmented(Augmentation.standard(), image, seed, 1, 5))
                .isNotEqualTo(augmented(Augmentation.standard(), image, seed, 2, 5));
    }

    @Property(tries = 30)
    void elasticStaysInRangeAndIsReproducible(@ForAll @IntRange(max = 7) int image, @ForAll long seed,
                                              @ForAll @IntRange(max = 10_000) int position) {
        float[] out = augmented(Augmentation.elastic(), image, seed, 3, position);
        for (float v : out) {
            assertThat(v).isBetween(0f, 1f);
        }
        assertThat(out).containsExactly(augmented(Augmentation.elastic(), image, seed, 3, position));
    }

    @Property(tries = 30)
    void elasticFieldAloneBendsTheImageButKeepsItsInk(@ForAll @IntRange(max = 7) int image, @ForAll long seed) {
        Augmentation bendOnly = new Augmentation(0, 0, 0, 0, 0, 2);
        float[] bent = augmented(bendOnly, image, seed, 1, 1);
        assertThat(bent).isNotEqualTo(image(image));
        assertThat(sum(bent)).isBetween(0.7 * sum(image(image)), 1.3 * sum(image(image)));
    }

    @Property(tries = 10)
    void noneLeavesTheImageUntouched(@ForAll @IntRange(max = 7) int image, @ForAll long seed) {
        assertThat(augmented(Augmentation.none(), image, seed, 1, 1)).containsExactly(image(image));
    }

    @Property(tries = 30)
    void keepsMostOfTheInkOnTheCanvas(@ForAll @IntRange(max = 7) int image, @ForAll long seed) {
        double before = sum(image(image));
        double after = sum(augmented(Augmentation.standard(), image, seed, 1, 1));
        assertThat(after).isBetween(0.5 * before, 2.0 * before);
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
