package hcr.reliability;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the {@code ./hcr} launcher beside a jar that holds only a manifest: hcr's main class and
 * the tests' class path (with the test-only echo backend). The launcher then builds nothing.
 */
final class LauncherHome {
    private LauncherHome() {
    }

    static Path create(Path dir) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path launcher = Files.copy(Path.of("hcr").toAbsolutePath(), home.resolve("hcr"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "hcr.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, Stream.of(System.getProperty("java.class.path")
                .split(File.pathSeparator)).map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream jar = new JarOutputStream(Files.newOutputStream(
                Files.createDirectories(home.resolve("target")).resolve("hcr.jar")), manifest)) {
            jar.flush();
        }
        return home;
    }
}
