package hcr.engine;

import java.time.Duration;

/**
 * How the engine runs.
 *
 * @param batchSize    images per scoring call
 * @param threads      decode-and-preprocess threads
 * @param topK         candidates kept per picture
 * @param imageTimeout longest one picture may take to decode and preprocess before it is given up
 */
public record EngineSettings(int batchSize, int threads, int topK, Duration imageTimeout) {
    public static final int DEFAULT_BATCH_SIZE = 128;
    public static final Duration DEFAULT_IMAGE_TIMEOUT = Duration.ofSeconds(30);

    public EngineSettings {
        requirePositive("batch size", batchSize);
        requirePositive("threads", threads);
        requirePositive("top", topK);
        if (imageTimeout.isNegative() || imageTimeout.isZero()) {
            throw new IllegalArgumentException("image timeout must be positive: " + imageTimeout);
        }
    }

    public static EngineSettings defaults() {
        return new EngineSettings(DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors(), 1,
                DEFAULT_IMAGE_TIMEOUT);
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1: " + value);
        }
    }
}
