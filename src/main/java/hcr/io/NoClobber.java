package hcr.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * hcr's one write policy, checked before any work starts so a refused output fails in the first
 * second, not after scoring 20,000 pictures:
 * <ul>
 *   <li>hcr replaces only its own earlier output of the same kind ({@link Ownership}), an empty
 *       file or an empty directory; anything else needs {@code --force};</li>
 *   <li>it never writes over an input, nor replaces a directory that holds an input or the working
 *       directory, even with {@code --force};</li>
 *   <li>a target must be a place hcr can write: the OS's reason ("Permission denied", "Not a
 *       directory") is given when it is not.</li>
 * </ul>
 */
public final class NoClobber {
    private final boolean force;
    private final List<Path> inputs = new ArrayList<>();
    private final Predicate<Path> isInputFile;

    /**
     * @param inputs      files and directories the command reads
     * @param isInputFile which paths inside an input directory are inputs (pictures, for infer; everything
     *                    inside a model being exported); others may be written there
     */
    public NoClobber(boolean force, Collection<Path> inputs, Predicate<Path> isInputFile) {
        this.force = force;
        for (Path p : inputs) {
            this.inputs.add(canonical(p));
        }
        this.isInputFile = isInputFile;
    }

    /** A file {@code target} may be written (replaced atomically) as output of {@code kind}. */
    public void checkFile(Path target, Ownership kind) {
        Path where = canonical(target);
        for (Path input : inputs) {
            if (where.equals(input) || where.startsWith(input) && isInputFile.test(where)) {
                throw new OutputRefusedException("refusing to write " + target + ": it is one of the inputs");
            }
        }
        if (Files.isDirectory(target)) {
            throw new OutputRefusedException("cannot write " + target + ": Is a directory");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            throw new OutputRefusedException("cannot write " + target + ": not a regular file"
                    + " (hcr replaces files by renaming; use --output - for standard output)");
        }
        if (Files.exists(target) && !force && !isEmpty(target) && !own(target, kind)) {
            throw new OutputRefusedException(target + " exists and is not " + kind.description()
                    + ": use --force to replace it, or choose another output");
        }
        checkWritable(target);
    }

    /** A directory {@code target} may be published (replacing the old one) as output of {@code kind}. */
    public void checkDirectory(Path target, Ownership kind) {
        Path where = canonical(target);
        List<Path> guarded = new ArrayList<>(inputs);
        guarded.add(canonical(Path.of("")));
        for (Path p : guarded) {
            if (p.startsWith(where)) {
                throw new OutputRefusedException("refusing to replace " + target + ": it holds "
                        + (inputs.contains(p) ? "the input " + p : "the working directory"));
            }
        }
        for (Path input : inputs) {
            if (where.startsWith(input) && isInputFile.test(where)) {
                throw new OutputRefusedException("refusing to write " + target + " inside the input " + input);
            }
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new OutputRefusedException("cannot write " + target + ": it exists and is not a directory");
        }
        if (Files.isDirectory(target) && !force && !isEmpty(target) && !own(target, kind)) {
            throw new OutputRefusedException(target + " exists and is not " + kind.description()
                    + ": use --force to replace it (and everything in it), or choose another output");
        }
        checkWritable(target);
    }

    /** The nearest existing ancestor of {@code target} must be a directory hcr may create files in. */
    public static void checkWritable(Path target) {
        Path dir = target.toAbsolutePath().normalize().getParent();
        while (dir != null && !Files.exists(dir)) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new OutputRefusedException("cannot write " + target + ": Not a directory (" + dir + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new OutputRefusedException("cannot write " + target + ": Permission denied (" + dir + ")");
        }
    }

    private static boolean own(Path target, Ownership kind) {
        try {
            return kind.isOwn(target);
        } catch (IOException e) {
            throw new OutputRefusedException("cannot check " + target + " before replacing it: " + OsReason.of(e));
        }
    }

    private static boolean isEmpty(Path target) {
        try {
            if (Files.isDirectory(target)) {
                try (Stream<Path> entries = Files.list(target)) {
                    return entries.findAny().isEmpty();
                }
            }
            return Files.size(target) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Absolute, normalised, with symbolic links of the existing part resolved. */
    static Path canonical(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
