package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * EMNIST strokes fade out over a pixel or two, and the network learned that soft edge: a picture
 * that is already an EMNIST-like frame must keep it, not be thresholded into a hard-edged bar.
 */
class SoftEdgeTest {
    private static final int SIDE = EmnistTensor.SIDE;
    /** Across the bar, left to right: a faint halo, a graded rim, a solid core, and back. */
    private static final float[] PROFILE = {0.1f, 0.3f, 0.6f, 1f, 1f, 1f, 1f, 0.6f, 0.3f, 0.1f};
    private static final int LEFT = 9;
    private static final int TOP = 2;
    private static final int BOTTOM = 26;

    private final EmnistPreprocessor preprocessor = new EmnistPreprocessor();

    @Test
    void aFrameWithSoftEdgesComesBackNearlyUnchanged() {
        float[] frame = softBar();

        float[] out = preprocessor.toTensor(Renderings.asImage(frame));

        assertThat(Similarity.between(frame, out).meanAbsoluteDifference()).isLessThan(0.02);
    }

    @Test
    void theFaintHaloAndTheGradedRimBothSurviveOnEachSide() {
        float[] out = preprocessor.toTensor(Renderings.asImage(softBar()));

        int middle = (TOP + BOTTOM) / 2;
        long greyPixels = IntStream.range(0, SIDE)
                .mapToDouble(x -> out[middle * SIDE + x])
                .filter(v -> v > 0.02 && v < 0.5)
                .count();
        assertThat(greyPixels).as("grey pixels across the bar").isGreaterThanOrEqualTo(4);
    }

    private static float[] softBar() {
        float[] frame = new float[EmnistTensor.PIXELS];
        for (int y = TOP; y < BOTTOM; y++) {
            System.arraycopy(PROFILE, 0, frame, y * SIDE + LEFT, PROFILE.length);
        }
        return frame;
    }
}
