package hcr.export;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class FloatTensorTest {

    /** Element i holds i, so where a value lands says where it came from. */
    private static FloatTensor counting(long... shape) {
        int size = 1;
        for (long d : shape) {
            size *= (int) d;
        }
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        return new FloatTensor(shape, values);
    }

    @Property(tries = 50)
    void filtersMoveFromHwioToOihw(@ForAll @IntRange(min = 1, max = 4) int kh, @ForAll @IntRange(min = 1, max = 4) int kw,
                                   @ForAll @IntRange(min = 1, max = 3) int in, @ForAll @IntRange(min = 1, max = 5) int out) {
        FloatTensor hwio = counting(kh, kw, in, out);
        FloatTensor oihw = hwio.hwioToOihw();
        assertThat(oihw.shape()).containsExactly(out, in, kh, kw);
        for (int h = 0; h < kh; h++) {
            for (int w = 0; w < kw; w++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        assertThat(oihw.values()[((o * in + i) * kh + h) * kw + w])
                                .isEqualTo(hwio.values()[((h * kw + w) * in + i) * out + o]);
                    }
                }
            }
        }
    }

    /**
     * Flattening an NHWC image and an NCHW image orders the same pixels differently; after the row
     * permutation, the row multiplying each pixel is the same in both orders.
     */
    @Property(tries = 50)
    void denseRowsFollowEachPixelFromHwcToChwFlatten(@ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w,
                                                    @ForAll @IntRange(min = 1, max = 4) int c, @ForAll @IntRange(min = 1, max = 3) int units) {
        FloatTensor tfRows = counting((long) h * w * c, units);
        FloatTensor onnxRows = tfRows.rowsFromHwcToChw(h, w, c);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) {
                    int tfIndex = (y * w + x) * c + ch;
                    int onnxIndex = (ch * h + y) * w + x;
                    for (int u = 0; u < units; u++) {
                        assertThat(onnxRows.values()[onnxIndex * units + u]).isEqualTo(tfRows.values()[tfIndex * units + u]);
                    }
                }
            }
        }
    }

    @Property(tries = 30)
    void transposingTwiceGivesTheSameMatrix(@ForAll @IntRange(min = 1, max = 6) int rows, @ForAll @IntRange(min = 1, max = 6) int cols) {
        FloatTensor m = counting(rows, cols);
        FloatTensor back = m.transposed2d().transposed2d();
        assertThat(back.shape()).containsExactly(rows, cols);
        assertThat(back.values()).containsExactly(m.values());
        if (rows > 1 && cols > 1) {
            assertThat(m.transposed2d().values()).isNotEqualTo(m.values());
        }
    }
}
