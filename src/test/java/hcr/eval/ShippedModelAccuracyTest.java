package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import hcr.SharedData;
import hcr.data.Holdout;
import hcr.data.Part;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model shipped at {@code <repo>/saved_model} meets its accuracy bar on the first 3,000 dev
 * holdout images (never trained on). Skips until a model is committed, and without ../shared.
 */
class ShippedModelAccuracyTest {
    private static final Path SHIPPED = Path.of("saved_model").toAbsolutePath();
    private static final double REQUIRED_ACCURACY = 0.86;

    @Test
    void shippedModelIsAtLeast86PercentAccurateOnTheHoldout() {
        assumeTrue(Files.isRegularFile(SHIPPED.resolve("saved_model.pb")), "no shipped model at " + SHIPPED + ": skipping");
        Path emnist = SharedData.emnist();
        EvaluationSelection holdout = new EvaluationSelection("byclass", Optional.of(Part.DEV), Optional.of(true),
                Holdout.everyTenth(), 3000);

        EvaluationSelection.Selected selected = holdout.load(emnist);
        Evaluation evaluation;
        try (ScoringModel model = Backends.named("tf").load(SHIPPED, BackendOptions.defaults())) {
            evaluation = new Evaluator(model, 256).evaluate(selected.images(), n -> { });
        }

        assertThat(evaluation.count()).isEqualTo(3000);
        assertThat(evaluation.accuracy()).as("holdout accuracy of " + SHIPPED).isGreaterThanOrEqualTo(REQUIRED_ACCURACY);
    }
}
