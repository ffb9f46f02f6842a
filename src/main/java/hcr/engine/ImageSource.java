package hcr.engine;

import hcr.image.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The pictures in a directory, in sorted order, streamed: only one listing per directory level is
 * held, never the pictures. Entries are sorted by name within each directory and a subdirectory's
 * pictures come where its name sorts (like {@code ls -R}).
 *
 * <p>With recursion, symbolic links to directories are followed. A link leading back to one of
 * its own ancestors would loop forever; it becomes an {@linkplain SourceEntry#unusable unusable}
 * entry instead, so it is reported once and the walk goes on. ({@code Files.walk} would detect
 * the loop too, but its stream dies on the first {@code FileSystemLoopException} and it does not
 * sort.)
 *
 * <p>Without recursion, subdirectories are skipped unless their name looks like a picture
 * ({@code x.png}): those are handed on so the decoder reports them rather than hiding them.
 *
 * <p>Hidden entries (names starting with a dot, which includes macOS's {@code ._x.png} resource
 * forks) are skipped like {@code ls} skips them, and so are files that are not pictures; the last
 * walk counts both ({@link #skipped}).
 */
public final class ImageSource implements Iterable<SourceEntry> {
    private final Path root;
    private final boolean recursive;
    private final Predicate<Path> isPicture;

    public ImageSource(Path root, boolean recursive, Predicate<Path> isPicture) {
        if (!Files.exists(root)) {
            throw new InputException("input directory not found: " + root);
        }
        if (!Files.isDirectory(root)) {
            throw new InputException("input is not a directory: " + root);
        }
        this.root = root;
        this.recursive = recursive;
        this.isPicture = isPicture;
    }

    /** Pictures by extension, as {@link ImageDecoder#isSupported} knows them. */
    public static ImageSource of(Path root, boolean recursive) {
        return new ImageSource(root, recursive, ImageDecoder::isSupported);
    }

    public Path root() {
        return root;
    }

    /** What the last walk passed over. */
    /** Hidden files and directories (and macOS's {@code ._*} companions) are not the user's pictures. */
    public static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    public record Skipped(long hidden, long notPictures) {
        public long total() {
            return hidden + notPictures;
        }
    }

    private volatile long hidden;
    private volatile long notPictures;

    /** The entries the most recent walk skipped (complete once that walk has ended). */
    public Skipped skipped() {
        return new Skipped(hidden, notPictures);
    }

    @Override
    public Iterator<SourceEntry> iterator() {
        return new Walk();
    }

    /** Walks once without decoding anything: the total for a progress bar. */
    public long count() {
        long n = 0;
        for (SourceEntry ignored : this) {
            n++;
        }
        return n;
    }

    /** Depth-first walk; each stack frame is one directory's sorted listing. */
    private final class Walk implements Iterator<SourceEntry> {
        private final Deque<Level> levels = new ArrayDeque<>();
        private SourceEntry next;

        Walk() {
            hidden = 0;
            notPictures = 0;
            try {
                levels.push(new Level(root.toRealPath(), list(root)));
            } catch (IOException e) {
                throw new InputException("cannot read input directory " + root + ": " + e.getMessage(), e);
            }
        }

        @Override
        public boolean hasNext() {
            while (next == null && !levels.isEmpty()) {
                Level level = levels.peek();
                if (level.entries().hasNext()) {
                    next = visit(level.entries().next());
                } else {
                    levels.pop();
                }
            }
            return next != null;
        }

        @Override
        public SourceEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceEntry entry = next;
            next = null;
            return entry;
        }

        /** An entry to emit, or null when the path is skipped or was descended into. */
        private SourceEntry visit(Path path) {
            if (isHidden(path.getFileName().toString())) {
                hidden++;
                return null;
            }
            if (recursive && Files.isDirectory(path)) {
                return descend(path);
            }
            if (isPicture.test(path)) {
                return PathText.roundTrips(path) ? SourceEntry.picture(path) : SourceEntry.unusable(path, PathText.notRoundTripping());
            }
            if (!Files.isDirectory(path)) {
                notPictures++;
            }
            return null;
        }

        private SourceEntry descend(Path dir) {
            try {
                Path real = dir.toRealPath();
                for (Level ancestor : levels) {
                    if (ancestor.realPath().equals(real)) {
                        return SourceEntry.unusable(dir, "directory loop: links back to " + real);
                    }
                }
                levels.push(new Level(real, list(dir)));
                return null;
            } catch (IOException e) {
                return SourceEntry.unusable(dir, "cannot list directory: " + e.getMessage());
            }
        }
    }

    /** Sorted by name, each name made once: a comparator that made two per comparison cost 10% of a 10,000-JPEG run. */
    private static Iterator<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(Named::new).sorted().map(Named::path).toList().iterator();
        }
    }

    private record Named(String name, Path path) implements Comparable<Named> {
        Named(Path path) {
            this(path.getFileName().toString(), path);
        }

        @Override
        public int compareTo(Named other) {
            return name.compareTo(other.name);
        }
    }

    private record Level(Path realPath, Iterator<Path> entries) {
    }
}
