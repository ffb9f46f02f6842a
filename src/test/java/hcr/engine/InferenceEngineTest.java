package hcr.engine;

import hcr.recognise.Candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.runtime.ImageBatch;
import hcr.runtime.ModelCard;
import hcr.runtime.ModelException;
import hcr.runtime.ScoringModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InferenceEngineTest {
    private static final String LABELS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Duration PATIENT = Duration.ofSeconds(10);

    private static List<SourceEntry> pictures(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> SourceEntry.picture(NameTranslator.picture(i, LABELS.charAt(i * 7 % LABELS.length()))))
                .toList();
    }

    private static List<String> expectedEvents(List<SourceEntry> entries) {
        return entries.stream().map(e -> e.path() + "=" + last(e.path())).toList();
    }

    private static String last(Path path) {
        String name = path.toString();
        return name.substring(name.length() - 1);
    }

    private static RecordingSink run(ScoringModel model, List<SourceEntry> source, EngineSettings settings) {
        RecordingSink sink = new RecordingSink();
        new InferenceEngine(model, new NameTranslator(), settings).run(source, sink, ProgressListener.NONE);
        return sink;
    }

    @Test
    void predictsEveryPictureInSourceOrderEvenWhenThreadsFinishOutOfOrder() {
        // Early pictures are the slow ones, so later ones finish first on the other threads.
        List<SourceEntry> source = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            char c = LABELS.charAt(i);
            source.add(SourceEntry.picture(Path.of(i % 4 == 0 ? i + "-slow-" + (40 - i) + "-" + c : i + "-" + c)));
        }

        RecordingSink sink = run(new EchoModel(), source, new EngineSettings(3, 4, 1, PATIENT));

        assertThat(sink.events).containsExactlyElementsOf(expectedEvents(source));
    }

    @Property(tries = 30)
    void resultsDoNotDependOnBatchSizeOrThreadCount(@ForAll @IntRange(min = 1, max = 9) int batchSize,
                                                   @ForAll @IntRange(min = 1, max = 4) int threads,
                                                   @ForAll @IntRange(min = 0, max = 40) int count) {
        List<SourceEntry> source = pictures(count);

        RecordingSink sink = run(new EchoModel(), source, new EngineSettings(batchSize, threads, 1, PATIENT));

        assertThat(sink.events).containsExactlyElementsOf(expectedEvents(source));
    }

    @Test
    void readsTheSourceOnlyAFewBatchesAheadOfTheResults() {
        // What keeps memory bounded for 100,000 files: the source is pulled lazily, never drained up front.
        // Ahead of the results are at most the batch being scored and the two-batch window being decoded.
        int batchSize = 4;
        AtomicInteger pulled = new AtomicInteger();
        Iterable<SourceEntry> source = () -> pictures(200).stream().peek(e -> pulled.incrementAndGet()).iterator();
        List<Integer> aheadAtEachResult = new ArrayList<>();
        PredictionSink sink = new PredictionSink() {
            int delivered;

            @Override
            public void predicted(Prediction prediction) {
                aheadAtEachResult.add(pulled.get() - ++delivered);
            }

            @Override
            public void failed(Path path, String reason) {
                aheadAtEachResult.add(pulled.get() - ++delivered);
            }
        };

        new InferenceEngine(new EchoModel(), new NameTranslator(), new EngineSettings(batchSize, 2, 1, PATIENT))
                .run(source, sink, ProgressListener.NONE);

        assertThat(aheadAtEachResult).hasSize(200).allSatisfy(ahead -> assertThat(ahead).isLessThanOrEqualTo(3 * batchSize));
    }

    @Test
    void scoresInBatchesNoLargerThanTheBatchSize() {
        EchoModel model = new EchoModel();

        run(model, pictures(23), new EngineSettings(5, 2, 1, PATIENT));

        assertThat(model.batchSizes()).containsExactly(5, 5, 5, 5, 3);
    }

    @Test
    void accountsForEveryInputExactlyOnceInSourceOrderWhenSomeFail() {
        List<SourceEntry> source = List.of(
                SourceEntry.picture(Path.of("0-A")),
                SourceEntry.picture(Path.of("1-bad-B")),
                SourceEntry.unusable(Path.of("2-loop"), "directory loop: links back to /x"),
                SourceEntry.picture(Path.of("3-c")),
                SourceEntry.picture(Path.of("4-bad-D")));

        RecordingSink sink = run(new EchoModel(), source, new EngineSettings(2, 2, 1, PATIENT));

        assertThat(sink.events).containsExactly(
                "0-A=A",
                "1-bad-B!rejected by test: 1-bad-B",
                "2-loop!directory loop: links back to /x",
                "3-c=c",
                "4-bad-D!rejected by test: 4-bad-D");
    }

    @Test
    void summaryCountsPredictedAndFailed() {
        List<SourceEntry> source = new ArrayList<>(pictures(10));
        source.add(SourceEntry.picture(Path.of("x-bad-A")));

        Summary summary = new InferenceEngine(new EchoModel(), new NameTranslator(), new EngineSettings(4, 2, 1, PATIENT))
                .run(source, new RecordingSink(), ProgressListener.NONE);

        assertThat(summary.predicted()).isEqualTo(10);
        assertThat(summary.failed()).isEqualTo(1);
        assertThat(summary.inputs()).isEqualTo(11);
    }

    @Test
    void aLongRunOfFailuresIsReportedWithoutWaitingForABatchToFill() {
        List<SourceEntry> source = new ArrayList<>();
        source.add(SourceEntry.picture(Path.of("0-A")));
        for (int i = 1; i <= 100; i++) {
            source.add(SourceEntry.picture(Path.of(i + "-bad-A")));
        }
        List<Long> progress = new ArrayList<>();
        RecordingSink sink = new RecordingSink();

        new InferenceEngine(new EchoModel(), new NameTranslator(), new EngineSettings(8, 2, 1, PATIENT))
                .run(source, sink, progress::add);

        assertThat(sink.failures).hasSize(100);
        // Pending results are bounded (two batches' worth), so progress is reported many times along the way.
        assertThat(progress).hasSizeGreaterThan(5).endsWith(101L);
    }

    @Test
    void aPictureThatHangsTimesOutAndTheRestStillFinish() {
        List<SourceEntry> source = List.of(
                SourceEntry.picture(Path.of("0-A")),
                SourceEntry.picture(Path.of("1-hang-B")),
                SourceEntry.picture(Path.of("2-C")),
                SourceEntry.picture(Path.of("3-hang-D")),
                SourceEntry.picture(Path.of("4-E")));

        // One thread, and the stuck decodes ignore interrupts for 3 s each: the pool must add a thread
        // per abandoned picture, or the others would wait for the stuck ones.
        long start = System.nanoTime();
        RecordingSink sink = run(new EchoModel(), source, new EngineSettings(2, 1, 1, Duration.ofMillis(200)));

        assertThat(sink.events).containsExactly(
                "0-A=A", "1-hang-B!timed out after 0.200 s", "2-C=C", "3-hang-D!timed out after 0.200 s", "4-E=E");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void keepsTheTopCandidatesBestFirst() {
        RecordingSink sink = run(new EchoModel(), List.of(SourceEntry.picture(Path.of("0-Z"))),
                new EngineSettings(4, 1, 3, PATIENT));

        List<Candidate> top = sink.predictions.get(0).candidates();
        assertThat(top).extracting(Candidate::character).containsExactly("Z", "a", "0");
        assertThat(top.get(0).probability()).isEqualTo(0.7f);
        assertThat(top.get(1).probability()).isEqualTo(0.2f);
    }

    @Test
    void twoRunsSharingOneModelConcurrentlyGiveTheSameResultsAsOne() {
        EchoModel shared = new EchoModel();
        List<SourceEntry> source = pictures(300);
        EngineSettings settings = new EngineSettings(16, 2, 2, PATIENT);
        List<String> alone = run(shared, source, settings).events;

        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> run(shared, source, settings).events);
        CompletableFuture<List<String>> second = CompletableFuture.supplyAsync(() -> run(shared, source, settings).events);

        assertThat(first.join()).isEqualTo(alone);
        assertThat(second.join()).isEqualTo(alone);
    }

    @Test
    void aModelReturningTheWrongNumberOfProbabilitiesIsAModelError() {
        ScoringModel broken = new ScoringModel() {
            @Override
            public ModelCard card() {
                return EchoModel.CARD;
            }

            @Override
            public float[] score(ImageBatch batch) {
                return new float[batch.size()];
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> run(broken, pictures(3), new EngineSettings(4, 1, 1, PATIENT)))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("returned 3 probabilities for 3 images of 62 labels");
    }
}
