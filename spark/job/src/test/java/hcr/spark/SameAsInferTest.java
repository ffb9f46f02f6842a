package hcr.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hcr.engine.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's files are byte for byte those {@code hcr infer} writes for the same tree. */
class SameAsInferTest {
    @TempDir
    static Path work;
    static Path tree;

    @BeforeAll
    static void makeTree() throws IOException {
        tree = PictureTrees.awkward(work.resolve("tree"), true, 150);
    }

    @Test
    void recursiveRunOverAwkwardNamesSubdirectoriesAndDamagedFilesWritesInfersBytes() throws IOException {
        Path expected = InferReference.write(tree, true, 1, "alnum", Files.createDirectory(work.resolve("infer-r")));
        Path out = work.resolve("spark-r");

        JobSummary summary = ScoringJob.run(LocalSpark.session(),
                InferReference.job(tree.toString(), out.toString(), true, 1, "alnum", 40));

        assertSameFiles(expected, out);
        assertThat(summary.failed()).isEqualTo(4);
        assertThat(Files.readString(out.resolve(ResultFiles.ERRORS))).contains(
                "empty file (0 bytes)", "truncated or corrupt image", "not an image (unrecognised content)", "no ink");
        // Names Spark's own file sources would drop or misread are all there; hidden files are skipped, as by infer.
        String predictions = Files.readString(out.resolve(ResultFiles.PREDICTIONS));
        assertThat(predictions).contains(tree + "/b/x.png\r\n",
                tree + "/_underscore.bmp\r\n", tree + "/k=v/z.png\r\n", "new\nline.png");
        assertThat(predictions).doesNotContain(".hidden.png");
    }

    @Test
    void topCandidatesWithACharsetWithoutRecursionWritesInfersBytes() throws IOException {
        Path expected = InferReference.write(tree, false, 3, "0-9A-F", Files.createDirectory(work.resolve("infer-top")));
        Path out = work.resolve("spark-top");

        ScoringJob.run(LocalSpark.session(), InferReference.job(tree.toString(), out.toString(), false, 3, "0-9A-F", 7));

        assertSameFiles(expected, out);
        assertThat(Files.readString(out.resolve(ResultFiles.PREDICTIONS))).startsWith(
                "code,char,path,char1,prob1,char2,prob2,char3,prob3\r\n");
    }

    @Test
    void aRunWithoutFailuresRemovesAStaleErrorsFileAndReplacesOldPredictions() throws IOException {
        Path clean = work.resolve("clean");
        PictureTrees.picture(clean.resolve("one.png"), '1', "png");
        PictureTrees.picture(clean.resolve("two.png"), '2', "png");
        Path expected = InferReference.write(clean, false, 1, "alnum", Files.createDirectory(work.resolve("infer-clean")));
        Path out = Files.createDirectory(work.resolve("spark-clean"));
        Files.writeString(out.resolve(ResultFiles.PREDICTIONS), "old");
        Files.writeString(out.resolve(ResultFiles.ERRORS), "stale");

        JobSummary summary = ScoringJob.run(LocalSpark.session(),
                InferReference.job(clean.toString(), out.toString(), false, 1, "alnum", 10));

        assertThat(summary.predicted()).isEqualTo(2);
        assertThat(out.resolve(ResultFiles.ERRORS)).doesNotExist();
        assertSameFiles(expected, out);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(out.resolve(ResultFiles.PREDICTIONS)); // no parts, no temporary files
        }
    }

    @Test
    void aDirectoryWithoutPicturesIsRefusedBeforeAnyTaskRuns() throws IOException {
        Path none = Files.createDirectories(work.resolve("none"));
        Files.writeString(none.resolve("readme.txt"), "no pictures");

        assertThatThrownBy(() -> ScoringJob.run(LocalSpark.session(),
                InferReference.job(none.toString(), work.resolve("spark-none").toString(), true, 1, "alnum", 10)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("no pictures in " + none);
        assertThat(work.resolve("spark-none")).doesNotExist();
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String name : new String[] {ResultFiles.PREDICTIONS, ResultFiles.ERRORS}) {
            Path want = expected.resolve(name);
            Path got = actual.resolve(name);
            if (Files.exists(want)) {
                assertThat(got).as(name).exists();
                assertThat(Files.readString(got)).as(name).isEqualTo(Files.readString(want));
                assertThat(Files.readAllBytes(got)).as(name).isEqualTo(Files.readAllBytes(want));
            } else {
                assertThat(got).as(name).doesNotExist();
            }
        }
    }
}
