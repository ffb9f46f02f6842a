package hcr.export;

import hcr.io.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Re-saves a SavedModel directory elsewhere ({@code hcr export --format savedmodel}): copied to a
 * temporary sibling first, then renamed into place, so readers never see half a model.
 */
public final class SavedModelCopy {
    private SavedModelCopy() {
    }

    public static void copy(Path from, Path to) {
        if (!Files.isRegularFile(from.resolve("saved_model.pb"))) {
            throw new ExportException(from + " is not a SavedModel directory: saved_model.pb is missing");
        }
        Path target = to.toAbsolutePath().normalize();
        if (target.startsWith(from.toAbsolutePath().normalize())) {
            throw new ExportException("cannot copy " + from + " into itself (" + to + ")");
        }
        try {
            Files.createDirectories(target.getParent());
            // Not createTempDirectory: its owner-only permissions would stick to the published copy.
            Path tmp = Files.createDirectory(target.resolveSibling(".hcr-savedmodel-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
            try {
                copyTree(from, tmp);
                FileTrees.replace(tmp, target);
            } finally {
                FileTrees.deleteTree(tmp);
            }
        } catch (IOException e) {
            throw new ExportException("cannot copy the SavedModel to " + to + ": " + e.getMessage(), e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
