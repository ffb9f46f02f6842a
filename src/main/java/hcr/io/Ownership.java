package hcr.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * How hcr recognises its own earlier output of one kind, which it may replace without --force.
 * Each kind is recognised by what hcr always writes into it: a header line for CSV and JSON Lines
 * files, the model card for model directories, {@code labels.csv} for rendered pictures.
 */
public interface Ownership {
    /** Whether {@code existing} (which exists) is hcr's own output of this kind. */
    boolean isOwn(Path existing) throws IOException;

    /** What hcr writes of this kind, for messages: "an hcr predictions file". */
    String description();

    /** The check itself. */
    @FunctionalInterface
    interface Check {
        boolean isOwn(Path existing) throws IOException;
    }

    static Ownership of(String description, Check test) {
        return new Ownership() {
            @Override
            public boolean isOwn(Path existing) throws IOException {
                return test.isOwn(existing);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** A text file whose first line starts with one of {@code prefixes}. */
    static Ownership firstLine(String description, String... prefixes) {
        return of(description, file -> {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
                char[] head = new char[512];
                int n = in.read(head);
                String first = n <= 0 ? "" : new String(head, 0, n).lines().findFirst().orElse("");
                return Stream.of(prefixes).anyMatch(first::startsWith);
            }
        });
    }

    /**
     * A directory holding {@code marker} whose every entry is one hcr writes there, so replacing it
     * loses nothing of the user's.
     */
    static Ownership directory(String description, String marker, Predicate<String> entryNames) {
        return of(description, dir -> {
            if (!Files.isDirectory(dir) || !Files.isRegularFile(dir.resolve(marker))) {
                return false;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                return entries.allMatch(p -> entryNames.test(p.getFileName().toString()));
            }
        });
    }
}
