package hcr.engine;

import java.io.File;
import java.nio.file.Path;

/** Paths as hcr prints them: POSIX separators whatever the platform, relative as given. */
final class PathText {
    private PathText() {
    }

    static String posix(Path path) {
        String text = path.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }
}
