package hcr.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * hcr's home, where default models live: the {@code hcr.home} system property (the launcher sets
 * it to the repo root), else the folder above the running jar's folder (the repo root for
 * {@code target/hcr.jar}).
 */
final class HcrHome {
    private HcrHome() {
    }

    static Path locate() {
        String property = System.getProperty("hcr.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path folder = jar.getParent();
            return folder.getParent() != null ? folder.getParent() : folder;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
