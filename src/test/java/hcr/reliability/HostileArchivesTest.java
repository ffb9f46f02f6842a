package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.cli.ExitCode;
import hcr.data.DataFormatException;
import hcr.data.Emnist;
import hcr.data.FakeEmnist;
import hcr.data.Part;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EMNIST archives nobody vouches for. The data layer streams from zips and never unpacks them,
 * but an entry naming a path outside the archive still marks it hostile; a header claiming more
 * images than memory can hold is refused before the allocation, not by an OutOfMemoryError.
 * (Entries with {@code ..}, corrupt and truncated data, and downloads with the wrong checksum:
 * {@code hcr.data.EmnistBadInputTest}, {@code hcr.data.DownloaderTest}.)
 */
class HostileArchivesTest {
    @TempDir
    Path dir;

    private Map<String, byte[]> goodFiles() {
        return FakeEmnist.files("byclass", Part.TEST, FakeEmnist.randomByClass(10, 1), true);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/cron.d/evil", "C:/Windows/evil.dll", "gzip/..\\..\\evil"})
    void anEntryNamingAPathOutsideTheArchiveIsRefused(String entry) {
        Map<String, byte[]> files = goodFiles();
        files.put(entry, "payload".getBytes(StandardCharsets.US_ASCII));
        Path zip = FakeEmnist.writeZip(dir.resolve("gzip.zip"), "", files);

        assertThatThrownBy(() -> Emnist.load(zip, "byclass", Part.TEST))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining("refusing zip entry");
    }

    @Test
    void aSmallFileWhoseHeaderClaimsMoreImagesThanMemoryHoldsIsRefusedBeforeAllocating() throws IOException {
        int claimed = 100_000; // 78 MB of pixels, from a compressed file of a few kilobytes, in a 64 MB heap
        Map<String, byte[]> files = goodFiles();
        files.put("emnist-byclass-test-labels-idx1-ubyte.gz", gzip(idx(0x0801, new int[] {claimed}, claimed)));
        files.put("emnist-byclass-test-images-idx3-ubyte.gz", gzip(idx(0x0803, new int[] {claimed, 28, 28}, 784)));
        Path zip = FakeEmnist.writeZip(dir.resolve("bomb.zip"), "gzip/", files);

        ChildJvm child = ChildJvm.start("64m", dir.resolve("logs"), "check",
                List.of("data", "info", "--check", "--data", zip.toString()));

        assertThat(child.waitFor(Duration.ofMinutes(1))).isEqualTo(ExitCode.FAILURE);
        assertThat(child.stderr()).contains("its header declares 100,000 images (74 MB), more than the")
                .doesNotContain("OutOfMemoryError", "internal error");
    }

    /** An IDX file: magic, dimension sizes, then {@code dataBytes} zero bytes. */
    private static byte[] idx(int magic, int[] dimensions, int dataBytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int d : dimensions) {
                out.writeInt(d);
            }
            out.write(new byte[dataBytes]);
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(raw);
        }
        return bytes.toByteArray();
    }

}
