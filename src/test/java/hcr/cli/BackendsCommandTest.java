package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackendsCommandTest {
    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("hcr.home");
    }

    @Test
    void listsTfWithItsDefaultModelAndWhetherItExists() throws Exception {
        System.setProperty("hcr.home", home.toString());
        assertThat(run()).contains("tf ").contains(home.resolve("saved_model") + " (missing)");

        Files.createDirectory(home.resolve("saved_model"));
        assertThat(run()).contains(home.resolve("saved_model") + " (present)");
    }

    private static String run() {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("backends")).isEqualTo(ExitCode.OK);
        return out.toString();
    }
}
