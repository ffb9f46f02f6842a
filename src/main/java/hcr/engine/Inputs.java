package hcr.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What {@code hcr infer a.png b.jpg dir/} reads, in the order given: a file is one picture (whatever
 * its name: it was asked for by name), a directory is its {@link ImageSource} walk. Every path is
 * checked when the inputs are built, so a typo fails before any model is loaded.
 */
public final class Inputs implements Iterable<SourceEntry> {
    private final List<Path> paths;
    private final List<Iterable<SourceEntry>> parts = new ArrayList<>();
    private final List<ImageSource> directories = new ArrayList<>();

    public Inputs(List<Path> paths, boolean recursive) {
        this.paths = List.copyOf(paths);
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                ImageSource walk = ImageSource.of(p, recursive);
                directories.add(walk);
                parts.add(walk);
            } else if (Files.exists(p)) {
                parts.add(List.of(SourceEntry.picture(p)));
            } else {
                throw new InputException("input not found: " + p);
            }
        }
    }

    public List<Path> paths() {
        return paths;
    }

    /** One part after another, each streamed as its own walk streams (flatMap would buffer a whole directory). */
    @Override
    public Iterator<SourceEntry> iterator() {
        Iterator<Iterable<SourceEntry>> remaining = parts.iterator();
        return new Iterator<>() {
            private Iterator<SourceEntry> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && remaining.hasNext()) {
                    current = remaining.next().iterator();
                }
                return current.hasNext();
            }

            @Override
            public SourceEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** Walks once without decoding anything: the total for a progress bar. */
    public long count() {
        long n = 0;
        for (SourceEntry ignored : this) {
            n++;
        }
        return n;
    }

    /** What the directory walks of the last pass skipped. */
    public ImageSource.Skipped skipped() {
        long hidden = 0;
        long notPictures = 0;
        for (ImageSource d : directories) {
            hidden += d.skipped().hidden();
            notPictures += d.skipped().notPictures();
        }
        return new ImageSource.Skipped(hidden, notPictures);
    }
}
