package hcr.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.data.ImageSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private static final ImageSet TRAINING = LearnableImages.generate(640, 1);
    private static final ImageSet VALIDATION = LearnableImages.generate(160, 2);

    @TempDir
    Path dir;

    @Test
    void learnsASimpleDataSetFarAboveChance() {
        TrainingResult result = new Trainer(LearnableImages.TINY_NET, LearnableImages.options(4, 7), null,
                dir.resolve("run"), TrainingListener.NONE).train(TRAINING, VALIDATION);

        List<EpochMetrics> history = result.history();
        assertThat(history).hasSize(4);
        assertThat(history.get(3).trainLoss()).isLessThan(history.get(0).trainLoss());
        assertThat(result.bestMetrics().validationLoss()).isLessThan(history.get(0).validationLoss());
        assertThat(result.bestMetrics().validationAccuracy()).as("chance is 0.25").isGreaterThan(0.9);
    }

    /**
     * Interrupted after epoch 1 (the listener throws, as a kill would stop it) while writing the next
     * checkpoint (a half-written temporary directory is left), then resumed from the last complete one.
     */
    @Test
    void resumingAfterAnInterruptionEndsWithTheSameWeightsAsAnUninterruptedRun() throws Exception {
        resumesExactly(LearnableImages.options(2, 11));
    }

    /** The moving average is a variable of its own and the statistics are measured anew from the weights. */
    @Test
    void resumingWithBatchNormAndWeightAveragingIsJustAsExact() throws Exception {
        TrainingOptions plain = LearnableImages.options(2, 11);
        resumesExactly(new TrainingOptions(plain.epochs(), plain.batchSize(), plain.learningRate(), plain.seed(),
                plain.patience(), plain.augmentation(), plain.threads(), true, 0.9f));
    }

    /** Teachers are models run for inference, which gives the same probabilities every time. */
    @Test
    void resumingADistillingRunIsJustAsExact() throws Exception {
        TrainingResult teacher = new Trainer(LearnableImages.TINY_NET, LearnableImages.options(1, 5), null,
                dir.resolve("teacher-run"), TrainingListener.NONE).train(TRAINING, VALIDATION);
        Path teacherModel = dir.resolve("teacher");
        ModelWriter.write(teacherModel, LearnableImages.TINY_NET, teacher.best(), ModelCards.of(TRAINING.labelMap(),
                LearnableImages.TINY_NET, LearnableImages.options(1, 5), java.util.Map.of(), teacher, null), false);
        TrainingOptions plain = LearnableImages.options(2, 11);
        resumesExactly(new TrainingOptions(plain.epochs(), plain.batchSize(), plain.learningRate(), plain.seed(),
                plain.patience(), plain.augmentation(), plain.threads(), true, 0.9f),
                new Distillation(List.of(teacherModel), 0.7f));
    }

    private void resumesExactly(TrainingOptions twoEpochs) throws Exception {
        resumesExactly(twoEpochs, Distillation.NONE);
    }

    private void resumesExactly(TrainingOptions twoEpochs, Distillation distillation) throws Exception {
        TrainingResult uninterrupted = new Trainer(LearnableImages.TINY_NET, twoEpochs, null, distillation, dir.resolve("a"),
                TrainingListener.NONE).train(TRAINING, VALIDATION);

        TrainingListener killAfterFirstEpoch = new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics metrics, boolean best) {
                throw new IllegalStateException("killed");
            }
        };
        assertThatThrownBy(() -> new Trainer(LearnableImages.TINY_NET, twoEpochs, null, distillation, dir.resolve("b"),
                killAfterFirstEpoch).train(TRAINING, VALIDATION)).hasMessage("killed");
        Path halfWritten = Files.createDirectories(dir.resolve("b").resolve(".writing-42").resolve("variables"));
        Files.write(halfWritten.resolve("variables.index"), new byte[] {1, 2, 3});
        TrainingResult resumed = new Trainer(LearnableImages.TINY_NET, twoEpochs, null, distillation, dir.resolve("b"),
                TrainingListener.NONE).train(TRAINING, VALIDATION);

        assertThat(resumed.history()).hasSize(2);
        assertThat(halfWritten.getParent()).as("cleaned up by the next checkpoint").doesNotExist();
        assertThat(resumed.bestEpoch()).isEqualTo(uninterrupted.bestEpoch());
        for (Parameters.Slot slot : Parameters.slots(LearnableImages.TINY_NET)) {
            assertThat(resumed.best().get(slot.name())).as(slot.name())
                    .containsExactly(uninterrupted.best().get(slot.name()));
        }
        assertThat(resumed.history().get(1).validationLoss()).isEqualTo(uninterrupted.history().get(1).validationLoss());
    }

    @Test
    void stopsEarlyWhenValidationLossStopsImproving() {
        // Patience 1 on a data set learnt within the first epochs: validation loss soon stops falling.
        TrainingOptions patient = new TrainingOptions(30, 32, 0.01f, 3, 1, Augmentation.none(), 2);

        TrainingResult result = new Trainer(LearnableImages.TINY_NET, patient, null, dir.resolve("run"),
                TrainingListener.NONE).train(TRAINING, VALIDATION);

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.history()).hasSizeLessThan(30);
        assertThat(result.history().size()).as("one epoch of patience after the best").isEqualTo(result.bestEpoch() + 1);
    }

    @Test
    void reportsDivergenceInsteadOfKeepingNaNWeights() {
        TrainingOptions absurdRate = new TrainingOptions(2, 32, 1e6f, 3, 0, Augmentation.none(), 2);

        assertThatThrownBy(() -> new Trainer(LearnableImages.TINY_NET, absurdRate, null, dir.resolve("run"),
                TrainingListener.NONE).train(TRAINING, VALIDATION))
                .isInstanceOf(TrainingException.class).hasMessageContaining("diverged");
    }

    @Test
    void refusesTooFewImagesForOneBatch() {
        ImageSet tiny = LearnableImages.generate(10, 1);
        assertThatThrownBy(() -> new Trainer(LearnableImages.TINY_NET, LearnableImages.options(1, 1), null,
                dir.resolve("run"), TrainingListener.NONE).train(tiny, VALIDATION))
                .isInstanceOf(TrainingException.class).hasMessageContaining("fewer than one batch");
    }
}
