package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HcrHomeTest {
    private final String saved = System.getProperty("hcr.home");

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty("hcr.home");
        } else {
            System.setProperty("hcr.home", saved);
        }
    }

    @Test
    void isWhatTheLauncherSays() {
        System.setProperty("hcr.home", "/opt/hcr");

        assertThat(HcrHome.locate()).isEqualTo(Path.of("/opt/hcr"));
    }

    @Test
    void isTheFolderAboveTheCodesFolderWithoutTheLauncher() {
        System.clearProperty("hcr.home");

        // target/hcr.jar in a packaged run, target/classes here: both give the project root,
        // which is where Maven runs the tests.
        assertThat(HcrHome.locate()).isEqualTo(Path.of("").toAbsolutePath());
    }
}
