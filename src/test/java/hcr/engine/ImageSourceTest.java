package hcr.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourceTest {
    @TempDir
    Path root;

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Path file = root.resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[] {1});
        }
    }

    private List<String> walk(boolean recursive) {
        List<String> found = new ArrayList<>();
        for (SourceEntry entry : ImageSource.of(root, recursive)) {
            String name = root.relativize(entry.path()).toString();
            found.add(entry.problem().map(p -> name + " ! " + p).orElse(name));
        }
        return found;
    }

    @Test
    void listsPicturesSortedByNameAndSkipsOtherFiles() throws IOException {
        touch("b.png", "a.PNG", "notes.txt", "A.jpg", "c.webp", "README");

        assertThat(walk(false)).containsExactly("A.jpg", "a.PNG", "b.png", "c.webp");
    }

    @Test
    void readsSubdirectoriesOnlyWhenRecursiveAndPlacesThemWhereTheirNameSorts() throws IOException {
        touch("a.png", "m/b.png", "m/deeper/c.png", "z.png");

        assertThat(walk(false)).containsExactly("a.png", "z.png");
        assertThat(walk(true)).containsExactly("a.png", "m/b.png", "m/deeper/c.png", "z.png");
    }

    @Test
    void handsOnADirectoryNamedLikeAPictureSoItIsReportedNotHidden() throws IOException {
        Files.createDirectory(root.resolve("x.png"));

        assertThat(walk(false)).containsExactly("x.png");
    }

    @Test
    void reportsASymbolicLinkLoopOnceAndFinishesTheWalk() throws IOException {
        touch("sub/a.png", "sub/z.png");
        Files.createSymbolicLink(root.resolve("sub/back"), root);

        assertThat(walk(true)).containsExactly(
                "sub/a.png",
                "sub/back ! directory loop: links back to " + root.toRealPath(),
                "sub/z.png");
    }

    @Test
    void followsALinkToASiblingDirectoryBecauseThatIsNoLoop() throws IOException {
        touch("real/a.png");
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));

        assertThat(walk(true)).containsExactly("alias/a.png", "real/a.png");
    }

    @Test
    void keepsPathsRelativeToTheInputAsGiven() throws IOException {
        touch("letter_A.jpg");
        Path given = Path.of("").toAbsolutePath().relativize(root);

        assertThat(ImageSource.of(given, false)).extracting(SourceEntry::path)
                .containsExactly(given.resolve("letter_A.jpg"));
    }

    @Test
    void aMissingDirectoryIsAnInputError() {
        assertThatThrownBy(() -> ImageSource.of(root.resolve("nope"), false))
                .isInstanceOf(InputException.class)
                .hasMessage("input directory not found: " + root.resolve("nope"));
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        touch("a.png");

        assertThatThrownBy(() -> ImageSource.of(root.resolve("a.png"), false))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("input is not a directory");
    }

    @Test
    void countsWhatItWouldList() throws IOException {
        touch("a.png", "b.png", "c.txt", "d/e.png");

        assertThat(ImageSource.of(root, true).count()).isEqualTo(3);
    }
}
