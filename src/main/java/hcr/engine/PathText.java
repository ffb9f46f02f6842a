package hcr.engine;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths as hcr prints them: POSIX separators whatever the platform, relative as given. */
final class PathText {
    /** The JVM decodes file names with the locale's character set (fixed at start-up; -D cannot change it on JDK 17). */
    private static final String NAME_ENCODING = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());

    private PathText() {
    }

    static String posix(Path path) {
        String text = path.toString();
        return File.separatorChar == '/' ? text : text.replace(File.separatorChar, '/');
    }

    /**
     * Whether the path's text names the same file again. It does not when the name's bytes are not
     * valid in the locale's character set (an accented name under LC_ALL=C, Latin-1 bytes under
     * UTF-8): the text then holds '?' or U+FFFD, and a CSV row with it would point nowhere.
     */
    static boolean roundTrips(Path path) {
        try {
            return path.getFileSystem().getPath(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Why a path that does not {@linkplain #roundTrips round-trip} is refused, and what to do about it. */
    static String notRoundTripping() {
        boolean utf8 = Charset.isSupported(NAME_ENCODING) && Charset.forName(NAME_ENCODING).equals(StandardCharsets.UTF_8);
        return "file name is not valid " + NAME_ENCODING + " (the locale's character set), so its path cannot be written; "
                + (utf8 ? "rename it" : "run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (./hcr does so by itself)");
    }
}
