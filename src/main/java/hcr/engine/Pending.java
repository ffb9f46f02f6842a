package hcr.engine;

import java.nio.file.Path;

/**
 * The entries waiting for the current batch to be scored, in source order: images with their
 * batch row, failures with their reason. Fixed capacity, reused across batches.
 */
final class Pending {
    private final Path[] paths;
    private final int[] rows;
    private final String[] reasons;
    private final int[] characters;
    private int size;

    Pending(int capacity) {
        paths = new Path[capacity];
        rows = new int[capacity];
        reasons = new String[capacity];
        characters = new int[capacity];
    }

    /** @param characters how many characters side by side the image's ink holds */
    void addImage(Path path, int row, int characters) {
        add(path, row, null, characters);
    }

    void addFailure(Path path, String reason) {
        add(path, -1, reason, 0);
    }

    private void add(Path path, int row, String reason, int characterCount) {
        paths[size] = path;
        rows[size] = row;
        reasons[size] = reason;
        characters[size] = characterCount;
        size++;
    }

    boolean isFull() {
        return size == paths.length;
    }

    int size() {
        return size;
    }

    Path path(int i) {
        return paths[i];
    }

    /** The image's batch row, or -1 for a failure. */
    int row(int i) {
        return rows[i];
    }

    String reason(int i) {
        return reasons[i];
    }

    int characters(int i) {
        return characters[i];
    }

    void clear() {
        java.util.Arrays.fill(paths, 0, size, null);
        java.util.Arrays.fill(reasons, 0, size, null);
        size = 0;
    }
}
