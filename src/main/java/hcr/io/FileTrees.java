package hcr.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Whole directories: deleting one, and publishing a finished one in place of an old one. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code root} and everything below it; nothing happens if it does not exist. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * Publishes the finished directory {@code fresh} as {@code target}. A directory cannot be renamed
     * over a non-empty one, so the old one is moved aside first (hidden, named after this process)
     * and deleted last: at every moment the target is the old tree or the complete new one, except
     * between the two renames, when the old tree still exists under its hidden name.
     */
    public static void replace(Path fresh, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            AtomicWrite.move(target, old);
        }
        AtomicWrite.move(fresh, target);
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException e) {
                // A hidden leftover is harmless: the new tree is complete and in place.
            }
        }
    }
}
