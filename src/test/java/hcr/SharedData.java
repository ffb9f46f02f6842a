package hcr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data under ../shared (real EMNIST dev files, seed samples). Tests that need it call
 * {@link #emnist()} or {@link #seedSamples()}, which skip the test cleanly when it is absent.
 */
public final class SharedData {
    private static final Path ROOT = Path.of(System.getProperty("hcr.shared", "../shared")).toAbsolutePath().normalize();

    private SharedData() {
    }

    public static Path emnist() {
        Path dir = ROOT.resolve("emnist");
        assumeTrue(Files.isRegularFile(dir.resolve("emnist-byclass-dev-images-idx3-ubyte.gz")),
                "../shared/emnist is absent: skipping");
        return dir;
    }

    public static Path seedSamples() {
        Path dir = ROOT.resolve("seed-samples");
        assumeTrue(Files.isDirectory(dir), "../shared/seed-samples is absent: skipping");
        return dir;
    }
}
