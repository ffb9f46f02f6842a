package hcr.data;

import java.nio.file.Path;
import java.util.Map;

/** The per-user cache directories hcr reads from and downloads into (XDG base directory rules). */
public final class UserCache {
    private UserCache() {
    }

    /** {@code $XDG_CACHE_HOME/hcr}, else {@code ~/.cache/hcr}. */
    public static Path hcrDirectory() {
        return hcrDirectory(System.getenv(), System.getProperty("user.home"));
    }

    static Path hcrDirectory(Map<String, String> environment, String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        // The XDG spec says a relative value is invalid and must be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".cache");
        return base.resolve("hcr");
    }

    /** Where the {@code emnist} Python package keeps NIST's zip. */
    public static Path pythonEmnistZip() {
        return Path.of(System.getProperty("user.home"), ".cache", "emnist", "emnist.zip");
    }
}
