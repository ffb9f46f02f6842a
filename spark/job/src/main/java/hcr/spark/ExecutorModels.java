package hcr.spark;

import hcr.HcrException;
import hcr.image.ImageDecoder;
import hcr.io.FileTrees;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One open model per JVM (an executor, or the driver in local mode), opened on first use from the
 * broadcast bytes and shared by every task the JVM runs: model sessions are thread-safe, cost
 * 100-200 ms to open, and must not be serialised. Kept until the JVM exits.
 */
final class ExecutorModels {
    private static final Map<String, Recogniser> OPEN = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * @param threads intra-op threads for the runtime: the task's cores, since decoding and scoring
     *                take turns on the task's thread
     */
    static Recogniser recogniser(ModelFiles model, ScoringSettings settings, int threads) {
        String key = model.digest() + "|" + settings + "|" + threads;
        return OPEN.computeIfAbsent(key, k -> open(model, settings, threads));
    }

    private static Recogniser open(ModelFiles model, ScoringSettings settings, int threads) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("hcr-model-");
            ScoringModel scorer = Backends.named(settings.backend())
                    .load(model.writeTo(dir), new BackendOptions(threads));
            return Recogniser.of(scorer, new EmnistTranslator(new ImageDecoder(settings.maxPixels())),
                    Charset.parse(settings.charset()), settings.topK());
        } catch (IOException e) {
            throw new HcrException("cannot write the model to a local directory: " + e.getMessage(), e);
        } finally {
            // Both runtimes have read the files into memory by the time load returns.
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir != null) {
            try {
                FileTrees.deleteTree(dir);
            } catch (IOException e) {
                dir.toFile().deleteOnExit(); // a left-over temporary model is harmless
            }
        }
    }
}
