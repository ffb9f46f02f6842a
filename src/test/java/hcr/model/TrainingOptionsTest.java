package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TrainingOptionsTest {
    private static final TrainingOptions OPTIONS = new TrainingOptions(10, 128, 0.002f, 1, 3, Augmentation.none(), 2);

    @Test
    void refusesNonPositiveEpochsBatchSizeAndLearningRate() {
        assertThatThrownBy(() -> new TrainingOptions(0, 128, 0.002f, 1, 3, Augmentation.none(), 2))
                .isInstanceOf(TrainingException.class).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new TrainingOptions(1, -5, 0.002f, 1, 3, Augmentation.none(), 2))
                .isInstanceOf(TrainingException.class).hasMessageContaining("batch size");
        assertThatThrownBy(() -> new TrainingOptions(1, 128, 0f, 1, 3, Augmentation.none(), 2))
                .isInstanceOf(TrainingException.class).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new TrainingOptions(1, 128, Float.NaN, 1, 3, Augmentation.none(), 2))
                .isInstanceOf(TrainingException.class).hasMessageContaining("learning rate");
    }

    @Test
    void refusesAWeightAverageDecayOutsideZeroToOne() {
        for (float decay : new float[] {-0.1f, 1f, Float.NaN}) {
            assertThatThrownBy(() -> new TrainingOptions(1, 128, 0.002f, 1, 3, Augmentation.none(), 2, true, decay))
                    .as("decay %s", decay).isInstanceOf(TrainingException.class).hasMessageContaining("decay");
        }
        assertThat(new TrainingOptions(1, 128, 0.002f, 1, 3, Augmentation.none(), 2, true, 0f).averagesWeights()).isFalse();
    }

    @Test
    void cosineScheduleStartsAtThePeakAndEndsAtZero() {
        assertThat(OPTIONS.learningRateAt(0, 1000)).isEqualTo(0.002f);
        assertThat(OPTIONS.learningRateAt(500, 1000)).isCloseTo(0.001f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(OPTIONS.learningRateAt(1000, 1000)).isCloseTo(0f, org.assertj.core.data.Offset.offset(1e-9f));
    }

    @Property
    void scheduleNeverRises(@ForAll @LongRange(max = 999) long step) {
        assertThat(OPTIONS.learningRateAt(step + 1, 1000)).isLessThanOrEqualTo(OPTIONS.learningRateAt(step, 1000));
    }
}
