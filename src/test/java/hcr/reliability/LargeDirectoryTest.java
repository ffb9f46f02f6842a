package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.cli.ExitCode;
import hcr.reliability.HostileImages.Dimensions;
import hcr.reliability.HostileImages.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcr infer --recursive} over directories far larger than its heap could hold as pictures,
 * in a child JVM with a small {@code -Xmx}, with a few tiny files among them that claim to be
 * close to the 50-megapixel limit (hundreds of megabytes each once decoded).
 */
class LargeDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void fiveThousandPicturesAndFilesClaimingHugeSizesRunInA64MegabyteHeap() throws IOException {
        inferWithinHeap(5_000, "64m", Duration.ofMinutes(2));
    }

    @Test
    @Tag("slow") // tools/reliability.sh
    void aHundredThousandPicturesRunInA256MegabyteHeap() throws IOException {
        inferWithinHeap(100_000, "256m", Duration.ofMinutes(30));
    }

    private void inferWithinHeap(int pictures, String heap, Duration limit) throws IOException {
        Path input = Pictures.write(dir.resolve("in"), pictures);
        List<Path> bombs = List.of(
                Files.write(input.resolve("bomb-7000x7000.png"), Dimensions.claim(Format.PNG, 7000, 7000)),
                Files.write(input.resolve("bomb-7000x7000.bmp"), Dimensions.claim(Format.BMP, 7000, 7000)),
                Files.write(input.resolve("bomb-1x16777216.webp"), Dimensions.claim(Format.WEBP_EXTENDED, 1, 1 << 24)));
        Path output = dir.resolve("predictions.csv");
        Path model = Files.writeString(dir.resolve("echo.model"), "any");

        ChildJvm child = ChildJvm.start(heap, dir.resolve("logs"), "infer", List.of("infer", "--recursive", "--quiet",
                "--backend", "test-echo", "--model", model.toString(), "--input", input.toString(),
                "--output", output.toString()));
        int exit = child.waitFor(limit);

        assertThat(child.stderr()).doesNotContain("OutOfMemoryError", "internal error");
        assertThat(exit).as(child.stderr()).isEqualTo(ExitCode.PARTIAL);
        assertThat(rows(output)).isEqualTo(pictures);
        assertThat(Files.readAllLines(dir.resolve("predictions.errors.csv")))
                .hasSize(1 + bombs.size())
                .filteredOn(line -> line.contains("bomb-"))
                .allMatch(line -> line.contains("too large for the memory available"));
    }

    private static long rows(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.count() - 1;
        }
    }
}
