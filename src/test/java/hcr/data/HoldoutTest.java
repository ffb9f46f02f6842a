package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HoldoutTest {
    @Test
    void everyTenthImageFromTheFirstIsHeldOut() {
        Holdout holdout = Holdout.everyTenth();

        assertThat(holdout.holdoutIndices(25)).containsExactly(0, 10, 20);
        assertThat(holdout.contains(0)).isTrue();
        assertThat(holdout.contains(9)).isFalse();
    }

    @Test
    void theSharedDevFileHolds10470HoldoutImages() {
        assertThat(Holdout.everyTenth().holdoutIndices(104_691)).hasSize(10_470);
        assertThat(Holdout.everyTenth().poolIndices(104_691)).hasSize(94_221);
    }

    @Property
    void holdoutAndPoolPartitionTheIndicesInAscendingOrder(
            @ForAll @IntRange(min = 0, max = 5000) int size, @ForAll @IntRange(min = 2, max = 50) int modulus) {
        Holdout holdout = new Holdout(modulus);
        int[] held = holdout.holdoutIndices(size);
        int[] pool = holdout.poolIndices(size);

        assertThat(held).isSorted();
        assertThat(pool).isSorted();
        assertThat(Arrays.stream(held).allMatch(holdout::contains)).isTrue();
        assertThat(Arrays.stream(pool).noneMatch(holdout::contains)).isTrue();
        int[] all = IntStream.concat(Arrays.stream(held), Arrays.stream(pool)).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, size).toArray());
    }

    @Test
    void aModulusBelowTwoWouldHoldOutEverythingAndIsRejected() {
        assertThatThrownBy(() -> new Holdout(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
