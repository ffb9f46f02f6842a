package hcr.spark;

import hcr.engine.CsvRows;
import hcr.engine.ImageSource;
import hcr.engine.InputException;
import hcr.engine.SourceEntry;
import hcr.image.ImageDecoder;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The job's inputs, listed once on the driver in {@code hcr infer}'s order: by name within each
 * directory, a subdirectory's pictures where its name sorts. Every picture is listed exactly once,
 * hidden and {@code _}-prefixed names included (Spark's own file sources drop those).
 *
 * <p>A local path (no scheme) is walked by {@link ImageSource}, the very walk {@code hcr infer} does
 * (symbolic links followed, loops reported), so paths read as {@code hcr infer} prints them. A URI
 * ({@code s3a://}, {@code hdfs://}, {@code file:}) is listed through Hadoop: with recursion one flat
 * listing (one request per 1,000 keys on S3) sorted by path components.
 */
final class PictureListing {
    private static final Pattern URI_LIKE = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

    private PictureListing() {
    }

    /**
     * @param shownRoot what the path column writes for the input root, or null for the input as
     *                  given (what {@code hcr infer --input} prints)
     */
    static List<Listed> list(String input, boolean recursive, String shownRoot, Configuration conf) {
        List<Listed> all = URI_LIKE.matcher(input).matches()
                ? listHadoop(input, recursive, shownRoot, conf)
                : listLocal(java.nio.file.Path.of(input), recursive, shownRoot);
        if (all.isEmpty()) {
            throw new InputException("no pictures in " + input + " (looked for "
                    + String.join(", ", ImageDecoder.extensions().stream().sorted().toList())
                    + (recursive ? "" : "; --recursive reads subdirectories") + ")");
        }
        return all;
    }

    private static List<Listed> listLocal(java.nio.file.Path root, boolean recursive, String shownRoot) {
        List<Listed> all = new ArrayList<>();
        for (SourceEntry entry : ImageSource.of(root, recursive)) {
            String shown = shownRoot == null ? CsvRows.path(entry.path())
                    : join(shownRoot, CsvRows.path(root.relativize(entry.path())));
            String uri = entry.path().toAbsolutePath().toUri().toString();
            all.add(new Listed(uri, shown, entry.problem().orElse(null)));
        }
        return all;
    }

    private static List<Listed> listHadoop(String input, boolean recursive, String shownRoot, Configuration conf) {
        Path root = new Path(input);
        try {
            FileSystem fs = root.getFileSystem(conf);
            FileStatus top = status(fs, root, input);
            if (!top.isDirectory()) {
                throw new InputException("input is not a directory: " + input);
            }
            String rootPath = top.getPath().toUri().getPath();
            int prefix = rootPath.endsWith("/") ? rootPath.length() : rootPath.length() + 1;
            List<Found> found = new ArrayList<>();
            if (recursive) {
                RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
                while (files.hasNext()) {
                    add(files.next(), prefix, found);
                }
            } else {
                // As hcr infer: a directory named like a picture is handed on, to be reported.
                for (FileStatus file : fs.listStatus(root)) {
                    add(file, prefix, found);
                }
            }
            found.sort(Comparator.comparing(Found::components, PictureListing::compareComponents));
            String shown = shownRoot != null ? shownRoot : input.replaceAll("(?<=[^/])/+$", "");
            List<Listed> all = new ArrayList<>(found.size());
            for (Found f : found) {
                all.add(Listed.picture(f.uri(), join(shown, f.relative())));
            }
            return all;
        } catch (IOException e) {
            throw new InputException("cannot list " + input + ": " + e.getMessage(), e);
        }
    }

    private static FileStatus status(FileSystem fs, Path root, String input) throws IOException {
        try {
            return fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new InputException("input directory not found: " + input, e);
        }
    }

    private static void add(FileStatus file, int prefix, List<Found> found) {
        String name = file.getPath().getName();
        if (isPicture(name)) {
            String relative = file.getPath().toUri().getPath().substring(prefix);
            String[] components = relative.split("/", -1);
            // Skipped as hcr infer's walk skips them: hidden files, and everything under a hidden directory.
            for (String component : components) {
                if (ImageSource.isHidden(component)) {
                    return;
                }
            }
            found.add(new Found(file.getPath().toUri().toString(), relative, components));
        }
    }

    private static boolean isPicture(String name) {
        try {
            return ImageDecoder.isSupported(java.nio.file.Path.of(name));
        } catch (InvalidPathException e) {
            return false; // a name no local file could have; hcr infer could never have listed it
        }
    }

    /** Component by component: {@code b/x.png} before {@code b.png}, as a directory walk goes. */
    private static int compareComponents(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static String join(String root, String relative) {
        return root.endsWith("/") ? root + relative : root + "/" + relative;
    }

    private record Found(String uri, String relative, String[] components) {
    }
}
