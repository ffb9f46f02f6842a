package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.SharedData;
import hcr.data.FakeEmnist;
import hcr.data.IdxWriter;
import hcr.data.Part;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataInfoCommandTest {
    @TempDir
    Path temp;

    @Test
    void showsEachPartFoundAndTheCountPerClass() {
        Map<String, byte[]> files = new HashMap<>(FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(124, 1), true));
        files.putAll(FakeEmnist.files("byclass", Part.EXTRA, FakeEmnist.randomByClass(62, 2), false));
        Path dir = FakeEmnist.writeDirectory(temp, files);

        DataCli run = DataCli.run("info", "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains("byclass (62 classes)")
                .containsPattern("dev\\s+124\\n")
                .containsPattern("extra\\s+62\\n")
                .containsPattern("\\n\\s+36 a\\s+2\\s+1\\n");
    }

    @Test
    void theSharedDevFileShows62ClassesAnd104691Images() {
        DataCli run = DataCli.run("info", "--data", SharedData.emnist().toString());

        assertThat(run.out()).contains("62 classes").containsPattern("dev\\s+104,691\\n");
    }

    @Test
    void aMissingSourceFailsWithAHintAndNoStackTrace() {
        DataCli run = DataCli.run("info", "--data", temp.resolve("absent").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).startsWith("hcr: no EMNIST data at").contains("hcr data download").doesNotContain("\tat ");
    }

    @Test
    void aCorruptFileFailsWithItsNameAndNoStackTrace() {
        Map<String, byte[]> files = new HashMap<>(FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(10, 1), true));
        files.put("emnist-byclass-dev-images-idx3-ubyte.gz", IdxWriter.gzip(new byte[] {0, 0, 8, 1, 0, 0, 0, 10}));
        Path dir = FakeEmnist.writeDirectory(temp, files);

        DataCli run = DataCli.run("info", "--data", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("emnist-byclass-dev-images-idx3-ubyte").contains("magic number").doesNotContain("\tat ");
    }

    @Test
    void checkReadsEveryImageAndFindsATruncatedFile() {
        Map<String, byte[]> files = new HashMap<>(FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(50, 1), false));
        String images = "emnist-byclass-dev-images-idx3-ubyte";
        files.put(images, java.util.Arrays.copyOf(files.get(images), 16 + 40 * 784));
        Path dir = FakeEmnist.writeDirectory(temp, files);

        DataCli summaryOnly = DataCli.run("info", "--data", dir.toString());
        DataCli checked = DataCli.run("info", "--data", dir.toString(), "--check");

        assertThat(summaryOnly.exitCode()).as("the summary reads only headers and labels").isEqualTo(ExitCode.OK);
        assertThat(checked.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(checked.err()).contains(images).contains("truncated");
    }

    @Test
    void aSplitThatIsNotThereIsReported() {
        Path dir = FakeEmnist.writeDirectory(temp, FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(10, 1), true));

        DataCli run = DataCli.run("info", "--data", dir.toString(), "--split", "letters");

        assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(run.err()).contains("emnist-letters-");
    }
}
