package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TfPaddingTest {
    private static final long[] ONE = {1, 1};

    @Test
    void validPadsNothing() {
        assertThat(TfPadding.onnxPads("VALID", new long[] {28, 28}, new long[] {3, 3}, ONE, ONE)).containsExactly(0, 0, 0, 0);
    }

    @Test
    void sameKeepsTheSizeOfA3x3ConvolutionWithOnePixelEachSide() {
        assertThat(TfPadding.onnxPads("SAME", new long[] {28, 28}, new long[] {3, 3}, ONE, ONE)).containsExactly(1, 1, 1, 1);
    }

    @Test
    void samePutsTheOddPixelAtTheEndLikeTensorFlow() {
        // 12 wide, 3x3 window, stride 2: 6 outputs need 13 pixels, so one pad, at the end.
        assertThat(TfPadding.onnxPads("SAME", new long[] {12, 12}, new long[] {3, 3}, new long[] {2, 2}, ONE))
                .containsExactly(0, 0, 1, 1);
    }

    @Property(tries = 200)
    void sameGivesCeilOfInputOverStride(@ForAll @IntRange(min = 1, max = 40) int in, @ForAll @IntRange(min = 1, max = 7) int k,
                                        @ForAll @IntRange(min = 1, max = 4) int stride, @ForAll @IntRange(min = 1, max = 3) int dilation) {
        long[] pads = TfPadding.onnxPads("SAME", new long[] {in, in}, new long[] {k, k}, new long[] {stride, stride},
                new long[] {dilation, dilation});
        long span = (long) (k - 1) * dilation + 1;
        long out = (in + pads[0] + pads[2] - span) / stride + 1;
        assertThat(out).isEqualTo((in + stride - 1) / stride);
        assertThat(pads[2] - pads[0]).isBetween(0L, 1L);
    }

    @Test
    void explicitPaddingIsNotTranslated() {
        assertThatThrownBy(() -> TfPadding.onnxPads("EXPLICIT", new long[] {4, 4}, new long[] {3, 3}, ONE, ONE))
                .isInstanceOf(ExportException.class).hasMessageContaining("'EXPLICIT'");
    }
}
