package hcr.cli;

import java.nio.file.Path;

/** hcr's home (the repo root, set by the launcher as {@code -Dhcr.home}): where default models live. */
final class HomeDirectory {
    private HomeDirectory() {
    }

    static Path get() {
        return Path.of(System.getProperty("hcr.home", ".")).toAbsolutePath().normalize();
    }
}
