package hcr.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    private static final ImageSet SAMPLE = FakeEmnist.randomByClass(200, 11);

    @TempDir
    Path temp;

    private byte[] zip;
    private FileServer server;
    private Path target;
    private final Downloader downloader = new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(10));

    @BeforeEach
    void serveASmallEmnistZip() throws IOException {
        zip = Files.readAllBytes(FakeEmnist.writeZip(temp.resolve("served.zip"), "gzip/",
                FakeEmnist.files("byclass", Part.TEST, SAMPLE, true)));
        server = new FileServer(zip);
        target = temp.resolve("cache/hcr/gzip.zip");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private DownloadSpec spec(URI url) {
        return new DownloadSpec(url, zip.length, Checksum.sha256(sha256(zip)));
    }

    @Test
    void fetchesVerifiesAndRenamesIntoPlace() throws IOException {
        Downloader.Result result = downloader.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(result.alreadyPresent()).isFalse();
        assertThat(result.sha256()).isEqualTo(sha256(zip));
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(target.resolveSibling("gzip.zip.part")).doesNotExist();
        assertThat(Emnist.load(target, "byclass", Part.TEST).size()).isEqualTo(200);
    }

    @Test
    void resumesWithARangeRequestAfterACutConnection() throws IOException {
        server.cutResponses(1, 10_000);
        long[] lastProgress = new long[1];

        downloader.download(spec(server.url()), target, new RecordingProgress(lastProgress));

        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(server.requests()).containsExactly("", "bytes=10000-");
        assertThat(lastProgress[0]).isEqualTo(zip.length);
    }

    @Test
    void abandonsAStalledTransferAndResumes() throws IOException {
        server.stallResponses(1, 10_000);
        Downloader impatient = new Downloader(HttpClient.newHttpClient(), Duration.ofMillis(400));

        impatient.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
        assertThat(server.requests()).containsExactly("", "bytes=10000-");
    }

    @Test
    void resumesThePartFileOfAnEarlierInterruptedRun() throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target.resolveSibling("gzip.zip.part"), Arrays.copyOf(zip, 30_000));

        Downloader.Result result = downloader.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(result.resumedFrom()).isEqualTo(30_000);
        assertThat(server.requests()).containsExactly("bytes=30000-");
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    @Test
    void startsOverWhenTheServerIgnoresTheRange() throws IOException {
        server.ignoreRanges().cutResponses(1, 10_000);

        downloader.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    @Test
    void keepsThePartFileAndSaysToRunAgainWhenTheConnectionKeepsFailing() {
        server.cutResponses(100, 5_000);

        assertThatThrownBy(() -> downloader.download(spec(server.url()), target, ProgressListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("run the command again to resume");
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("gzip.zip.part")).hasSize(4 * 5_000);
    }

    @Test
    void aChecksumMismatchFailsAndLeavesNothingBehind() {
        DownloadSpec wrong = new DownloadSpec(server.url(), zip.length, Checksum.sha256("00".repeat(32)));

        assertThatThrownBy(() -> downloader.download(wrong, target, ProgressListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("not the expected file")
                .hasMessageContaining(sha256(zip));
        assertThat(target).doesNotExist();
        assertThat(target.resolveSibling("gzip.zip.part")).doesNotExist();
    }

    @Test
    void aFileOfTheWrongSizeFails() {
        DownloadSpec larger = new DownloadSpec(server.url(), zip.length + 1L, Checksum.sha256(sha256(zip)));

        assertThatThrownBy(() -> downloader.download(larger, target, ProgressListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining(String.format("%,d bytes", zip.length));
        assertThat(target).doesNotExist();
    }

    @Test
    void aMissingFileIsReportedWithItsUrl() {
        URI missing = server.url("/moved.zip");

        assertThatThrownBy(() -> downloader.download(spec(missing), target, ProgressListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("/moved.zip");
    }

    @Test
    void anUnreachableServerSaysSoInsteadOfAStackTrace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/gzip.zip");

        assertThatThrownBy(() -> downloader.download(spec(unreachable), target, ProgressListener.NONE))
                .isInstanceOf(DownloadException.class)
                .hasMessageContaining("cannot reach 127.0.0.1")
                .hasMessageContaining("offline");
    }

    @Test
    void aVerifiedFileAlreadyInPlaceIsNotFetchedAgain() throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, zip);

        Downloader.Result result = downloader.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(result.alreadyPresent()).isTrue();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aDamagedFileInPlaceIsReplaced() throws IOException {
        Files.createDirectories(target.getParent());
        byte[] damaged = zip.clone();
        damaged[100] ^= 1;
        Files.write(target, damaged);

        Downloader.Result result = downloader.download(spec(server.url()), target, ProgressListener.NONE);

        assertThat(result.alreadyPresent()).isFalse();
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private record RecordingProgress(long[] last) implements ProgressListener {
        @Override
        public void total(long total) {
        }

        @Override
        public void done(long done) {
            last[0] = done;
        }
    }
}
