package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import hcr.engine.EchoModel;
import hcr.recognise.EmnistTranslator;
import hcr.engine.EngineSettings;
import hcr.engine.ImageSource;
import hcr.engine.InferenceEngine;
import hcr.engine.Prediction;
import hcr.engine.PredictionSink;
import hcr.engine.ProgressListener;
import hcr.image.ImageDecoder;
import hcr.reliability.HostileImages.Damage;
import hcr.reliability.HostileImages.Format;
import hcr.reliability.HostileImages.Hostile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * Inference on files nobody vouches for: valid PNG, JPEG, GIF, BMP, TIFF and WebP pictures with
 * bits flipped, cut short, claiming enormous (or zero) dimensions, overwritten in runs or named
 * with another format's extension, through the real decoder and preprocessor. The model is the
 * test-only {@link EchoModel}: scoring is not what is under test here.
 */
class HostileFilesTest {
    static final int FILES_PER_DIRECTORY = 120;
    private static final Duration IMAGE_TIME_LIMIT = Duration.ofSeconds(5);

    // CI replays one fixed set of 3,000 files so a red run always means a regression; the slow
    // variant below draws new ones each time to explore.
    @Property(tries = 25, seed = "20261125")
    void everyHostileFileEndsAsAPredictionOrAnErrorRow(@ForAll("directories") List<Hostile> files) throws IOException {
        fuzz(files);
    }

    @Property(tries = 400) // 48,000 files: tools/reliability.sh
    @Tag("slow")
    void manyMoreHostileFiles(@ForAll("directories") List<Hostile> files) throws IOException {
        fuzz(files);
    }

    @Provide
    Arbitrary<List<Hostile>> directories() {
        return Combinators.combine(Arbitraries.of(Format.class), Arbitraries.of(Damage.class), Arbitraries.longs())
                .as(Hostile::new).list().ofSize(FILES_PER_DIRECTORY);
    }

    private void fuzz(List<Hostile> files) throws IOException {
        Path dir = Files.createTempDirectory("hcr-hostile");
        try {
            Map<Path, Hostile> written = write(files, dir);
            Outcomes outcomes = new Outcomes();

            assertTimeoutPreemptively(IMAGE_TIME_LIMIT.multipliedBy(4), () -> engine().run(
                    ImageSource.of(dir, false), outcomes, ProgressListener.NONE),
                    "a run of " + files.size() + " files must not hang");

            assertThat(outcomes.count).as("one result per file, no file twice").containsOnlyKeys(written.keySet())
                    .allSatisfy((path, count) -> assertThat(count).as(path.toString()).isEqualTo(1));
            assertNoDecodeThreadOutlivesTheRun();
            written.forEach((path, hostile) -> Statistics.label("damage")
                    .collect(hostile.damage(), outcomes.predicted.contains(path) ? "predicted" : "error row"));
        } finally {
            deleteTree(dir);
        }
    }

    private static InferenceEngine engine() {
        EngineSettings settings = new EngineSettings(16, 2, 1, IMAGE_TIME_LIMIT);
        return new InferenceEngine(new EchoModel(), new EmnistTranslator(ImageDecoder.withDefaults()), settings);
    }

    private static Map<Path, Hostile> write(List<Hostile> files, Path dir) throws IOException {
        Map<Path, Hostile> written = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Hostile h = files.get(i);
            String name = String.format(Locale.ROOT, "%04d-%s-%s-%d.%s", i, h.format(), h.damage(), h.seed(),
                    h.extension());
            written.put(Files.write(dir.resolve(name), h.bytes()), h);
        }
        return written;
    }

    /** Counts how often each path was reported, whichever way. */
    private static final class Outcomes implements PredictionSink {
        final Map<Path, Integer> count = new HashMap<>();
        final List<Path> predicted = new ArrayList<>();

        @Override
        public void predicted(Prediction prediction) {
            count.merge(prediction.path(), 1, Integer::sum);
            predicted.add(prediction.path());
        }

        @Override
        public void failed(Path path, String reason) {
            // The decode budget, not luck with the heap, keeps tiny files that claim huge sizes harmless.
            assertThat(reason).as("reason for " + path).isNotBlank().doesNotContain("out of memory", "\n\tat ");
            count.merge(path, 1, Integer::sum);
        }
    }

    private static void assertNoDecodeThreadOutlivesTheRun() {
        long deadline = System.nanoTime() + IMAGE_TIME_LIMIT.toNanos();
        while (decodeThreads() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(decodeThreads()).as("decode threads still alive").isZero();
    }

    private static long decodeThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("hcr-decode")).count();
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
