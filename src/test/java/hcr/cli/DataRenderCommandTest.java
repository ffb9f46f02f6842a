package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.data.FakeEmnist;
import hcr.data.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataRenderCommandTest {
    @TempDir
    Path temp;

    private Path data;

    @BeforeEach
    void devAndTestParts() {
        Map<String, byte[]> files = new HashMap<>(FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(100, 1), true));
        files.putAll(FakeEmnist.files("byclass", Part.TEST, FakeEmnist.randomByClass(30, 2), true));
        data = FakeEmnist.writeDirectory(temp.resolve("emnist"), files);
    }

    @Test
    void holdoutRendersEveryTenthDevImageKeepingItsIndexInTheName() throws IOException {
        Path out = temp.resolve("out");

        DataCli run = DataCli.run("render", "--data", data.toString(), "--holdout", "--count", "3",
                "--style", "scan", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllLines(out.resolve("labels.csv"))).containsExactly(
                "file,label,char", "dev-000000.jpg,0,0", "dev-000010.jpg,10,A", "dev-000020.jpg,20,K");
        assertThat(run.out()).contains("wrote 3 scan images (dev holdout)");
    }

    @Test
    void withoutAPartTheTestPartIsRendered() throws IOException {
        Path out = temp.resolve("out");

        DataCli run = DataCli.run("render", "--data", data.toString(), "--count", "2", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("test-000000.png", "test-000001.png", "labels.csv");
        }
    }

    @Test
    void holdoutOfAnotherPartThanDevIsAUsageError() {
        DataCli run = DataCli.run("render", "--data", data.toString(), "--holdout", "--part", "test", "--out", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--holdout selects images of the dev part");
    }

    @Test
    void anUnknownStyleIsAUsageError() {
        DataCli run = DataCli.run("render", "--data", data.toString(), "--style", "fancy", "--out", temp.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("use one of plain28, scan, photo, gradient");
    }
}
