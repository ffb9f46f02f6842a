package hcr.engine;

import hcr.image.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
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
            if (recursive && Files.isDirectory(path)) {
                return descend(path);
            }
            if (!isPicture.test(path)) {
                return null;
            }
            return PathText.roundTrips(path) ? SourceEntry.picture(path) : SourceEntry.unusable(path, PathText.notRoundTripping());
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

    private static Iterator<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            List<Path> sorted = entries.sorted((a, b) -> a.getFileName().toString()
                    .compareTo(b.getFileName().toString())).toList();
            return sorted.iterator();
        }
    }

    private record Level(Path realPath, Iterator<Path> entries) {
    }
}
