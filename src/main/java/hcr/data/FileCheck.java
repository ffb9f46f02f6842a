package hcr.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file measured against a {@link DownloadSpec}: size and expected digest, plus its SHA-256
 * (computed in the same pass, so an archive can be pinned by SHA-256 later).
 */
record FileCheck(long size, String digest, String sha256, DownloadSpec spec) {
    private static final int BUFFER = 1 << 16;

    static FileCheck of(Path file, DownloadSpec spec) throws IOException {
        MessageDigest expected = spec.checksum().newDigest();
        MessageDigest sha256 = Checksum.digest("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                expected.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
            }
        }
        return new FileCheck(Files.size(file), HexFormat.of().formatHex(expected.digest()),
                HexFormat.of().formatHex(sha256.digest()), spec);
    }

    boolean ok() {
        return size == spec.size() && digest.equals(spec.checksum().hex());
    }

    String mismatch() {
        return String.format("got %,d bytes with %s %s; expected %,d bytes with %s",
                size, spec.checksum().algorithm(), digest, spec.size(), spec.checksum());
    }
}
