package hcr.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeBudgetTest {
    @TempDir
    Path dir;

    @Test
    void aPictureNeedingMoreThanTheWholeBudgetIsRefusedBeforeItsPixelsAreAllocated() throws Exception {
        Path big = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(1000, 1000, BufferedImage.TYPE_BYTE_GRAY), "png", big.toFile());
        ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, new DecodeBudget(1 << 20));

        assertThatThrownBy(() -> decoder.decode(big))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageStartingWith("too large for the memory available: decoding it takes about 9 MB,"
                        + " this run allows 1 MB");
    }

    @Test
    void theReservationIsHeldWhileThePictureIsUsedAndReturnedAfterwards() throws Exception {
        Path small = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(100, 50, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        DecodeBudget budget = new DecodeBudget(1 << 20);
        ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, budget);

        long held = decoder.decode(small, image -> budget.reserved());

        assertThat(held).isEqualTo(100 * 50 * (1 + 8));
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void aFailedDecodeReturnsItsReservation() throws Exception {
        Path cut = dir.resolve("cut.png");
        ImageIO.write(new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB), "png", cut.toFile());
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        DecodeBudget budget = new DecodeBudget(10 << 20);

        assertThatThrownBy(() -> new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, budget).decode(cut))
                .isInstanceOf(UnreadableImageException.class);
        assertThat(budget.reserved()).isZero();
    }

    @Test
    void aDecodeWaitsWhileOthersHoldTheMemoryItNeeds() throws Exception {
        DecodeBudget budget = new DecodeBudget(100);
        DecodeBudget.Reservation first = budget.reserve(60);

        CompletableFuture<DecodeBudget.Reservation> second = CompletableFuture.supplyAsync(() -> budget.reserve(60));

        assertThat(second).failsWithin(200, TimeUnit.MILLISECONDS).withThrowableThat()
                .isInstanceOf(java.util.concurrent.TimeoutException.class);
        first.close();
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(budget.reserved()).isEqualTo(60);
    }
}
