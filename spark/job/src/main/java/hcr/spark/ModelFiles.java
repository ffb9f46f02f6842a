package hcr.spark;

import hcr.HcrException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A model as bytes, read once on the driver and broadcast: the model file and the card beside it
 * (ONNX), or every file of a model directory (SavedModel). Executors write it to a local directory
 * and load it with the backend, exactly as {@code hcr infer} loads a file.
 *
 * @param entry what to load, relative to the written directory ("" for the directory itself)
 * @param files relative name → content
 * @param digest SHA-256 over names and contents: executors open one session per distinct model
 */
record ModelFiles(String entry, Map<String, byte[]> files, String digest) implements Serializable {
    static final String CARD = "model-card.json";

    static ModelFiles read(String location, Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = path.getFileSystem(conf);
            if (!fs.exists(path)) {
                throw new HcrException("model not found: " + location);
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            String entry;
            if (fs.getFileStatus(path).isDirectory()) {
                entry = "";
                String root = fs.makeQualified(path).toUri().getPath();
                RemoteIterator<LocatedFileStatus> all = fs.listFiles(path, true);
                while (all.hasNext()) {
                    LocatedFileStatus file = all.next();
                    files.put(file.getPath().toUri().getPath().substring(root.length() + 1), bytes(fs, file));
                }
            } else {
                entry = path.getName();
                files.put(entry, bytes(fs, fs.getFileStatus(path)));
                Path card = new Path(path.getParent(), CARD);
                if (fs.exists(card)) {
                    files.put(CARD, bytes(fs, fs.getFileStatus(card)));
                }
            }
            return new ModelFiles(entry, files, digest(files));
        } catch (IOException e) {
            throw new HcrException("cannot read model " + location + ": " + e.getMessage(), e);
        }
    }

    /** Writes the files under a new temporary directory; returns the path to load. */
    java.nio.file.Path writeTo(java.nio.file.Path dir) throws IOException {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            java.nio.file.Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        return entry.isEmpty() ? dir : dir.resolve(entry);
    }

    private static byte[] bytes(FileSystem fs, FileStatus file) throws IOException {
        try (InputStream in = fs.open(file.getPath())) {
            return in.readAllBytes();
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((name, content) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
