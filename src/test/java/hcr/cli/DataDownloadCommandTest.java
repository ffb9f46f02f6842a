package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.FakeEmnist;
import hcr.data.FileServer;
import hcr.data.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDownloadCommandTest {
    @TempDir
    Path temp;

    private byte[] zip;
    private FileServer server;

    @BeforeEach
    void serveASmallEmnistZip() throws IOException {
        zip = Files.readAllBytes(FakeEmnist.writeZip(temp.resolve("served.zip"), "gzip/",
                FakeEmnist.files("byclass", Part.TEST, FakeEmnist.randomByClass(50, 1), true)));
        server = new FileServer(zip);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void savesTheVerifiedArchiveAndNamesTheSplitsParts() throws Exception {
        Path dir = temp.resolve("cache");

        DataCli run = DataCli.run("download", "--dir", dir.toString(), "--url", server.url().toString(),
                "--size", String.valueOf(zip.length), "--sha256", sha256(zip));

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(dir.resolve("gzip.zip"))).isEqualTo(zip);
        assertThat(run.out()).contains("saved " + dir.resolve("gzip.zip")).contains("sha256 " + sha256(zip))
                .contains("split byclass: test");
    }

    @Test
    void aSecondRunFindsTheFileInPlace() throws Exception {
        String[] args = {"download", "--dir", temp.resolve("cache").toString(), "--url", server.url().toString(),
                "--size", String.valueOf(zip.length), "--sha256", sha256(zip)};
        DataCli.run(args);

        DataCli again = DataCli.run(args);

        assertThat(again.out()).contains("already downloaded and verified");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aChecksumMismatchExitsWithFailureAndNoStackTrace() {
        DataCli run = DataCli.run("download", "--dir", temp.resolve("cache").toString(), "--url", server.url().toString(),
                "--size", String.valueOf(zip.length), "--sha256", "ab".repeat(32));

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("hcr: ").contains("not the expected file").doesNotContain("\tat ");
    }

    @Test
    void a404ExitsWithFailure() {
        DataCli run = DataCli.run("download", "--dir", temp.resolve("cache").toString(),
                "--url", server.url("/elsewhere.zip").toString(), "--size", "10");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("HTTP 404");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
