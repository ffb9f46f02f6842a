package hcr.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/** An expected digest of a file, e.g. SHA-256 as lower-case hex. */
public record Checksum(String algorithm, String hex) {
    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        digest(algorithm); // fail fast on an unknown algorithm
    }

    public static Checksum sha256(String hex) {
        return new Checksum("SHA-256", hex);
    }

    public static Checksum md5(String hex) {
        return new Checksum("MD5", hex);
    }

    MessageDigest newDigest() {
        return digest(algorithm);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
