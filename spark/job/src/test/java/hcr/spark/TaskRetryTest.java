package hcr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.engine.ImageSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A task that dies half-way through its partition is run again; the files show each picture once. */
class TaskRetryTest {
    private static final AtomicInteger KILLS = new AtomicInteger();

    @TempDir
    static Path work;
    static Path tree;
    static Path expected;

    @BeforeAll
    static void makeTree() throws IOException {
        tree = PictureTrees.awkward(work.resolve("tree"), false, 120);
        expected = InferReference.write(tree, true, 1, "alnum", Files.createDirectory(work.resolve("infer")));
    }

    /** The real reader, except that it throws at {@code victim} on the tasks' attempts below {@code until}. */
    record KillingReader(PictureReader real, String victim, int until) implements PictureReader {
        @Override
        public byte[] read(String uri) {
            if (uri.endsWith(victim) && TaskContext.get().attemptNumber() < until) {
                KILLS.incrementAndGet();
                throw new IllegalStateException("injected: executor lost mid-partition");
            }
            return real.read(uri);
        }
    }

    private static JobOptions smallBatches(Path out) {
        JobOptions o = InferReference.job(tree.toString(), out.toString(), true, 1, "alnum", 40);
        // Batches of 8 in partitions of 40: the victim's partition has already handed rows on when it dies.
        ScoringSettings s = o.scoring();
        return new JobOptions(o.input(), o.output(), o.model(), o.recursive(), o.shownRoot(), o.pictures(),
                o.maxFileBytes(), new ScoringSettings(s.backend(), s.charset(), s.topK(), 8, s.maxPixels()));
    }

    private static PictureReader reader(String victim, int until) {
        return new KillingReader(new HadoopPictureReader(Map.of(), 256L << 20), victim, until);
    }

    @Test
    void aTaskKilledMidPartitionIsRetriedAndNothingIsDoubledOrLost() throws IOException {
        Path out = work.resolve("retried");
        KILLS.set(0);

        JobSummary summary = ScoringJob.run(LocalSpark.session(), smallBatches(out), reader("many/p0050.png", 1));

        assertThat(KILLS).hasValue(1);
        assertThat(summary.total()).isEqualTo(countInputs());
        SameAsInferTest.assertSameFiles(expected, out);
    }

    @Test
    void aJobThatFailsLeavesThePreviousResultsAndNothingElse() throws IOException {
        Path out = Files.createDirectory(work.resolve("failed"));
        Files.writeString(out.resolve(ResultFiles.PREDICTIONS), "earlier results");
        KILLS.set(0);

        assertThatThrownBy(() -> ScoringJob.run(LocalSpark.session(), smallBatches(out), reader("many/p0050.png", 99)))
                .hasStackTraceContaining("injected: executor lost mid-partition");

        assertThat(KILLS).hasValue(3); // local[2,3]: three attempts, then the job fails
        assertThat(out.resolve(ResultFiles.PREDICTIONS)).hasContent("earlier results");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(out.resolve(ResultFiles.PREDICTIONS));
        }
    }

    private static long countInputs() throws IOException {
        try (Stream<Path> all = Files.walk(tree)) {
            // What hcr infer accounts for: no notes, no hidden files.
            return all.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".txt"))
                    .filter(p -> !ImageSource.isHidden(p.getFileName().toString())).count();
        }
    }
}
