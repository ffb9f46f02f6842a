package hcr.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.cli.ExitCode;
import hcr.cli.Main;
import hcr.data.FakeEmnist;
import hcr.data.Part;
import hcr.image.EmnistTensor;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ImageBatch;
import hcr.runtime.ScoringModel;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcr train} killed with SIGKILL at random moments of its training, then continued with
 * {@code --resume}: the run finishes with a model answering as an uninterrupted run's, and at every
 * kill the earlier model is whole (or already wholly replaced) and every checkpoint on disk is
 * complete. Kill points are random; the seed is printed with any failure.
 */
class InterruptedTrainingTest {
    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void killedTwiceAndResumedTheRunFinishesAsIfNeverInterrupted() throws Exception {
        killAndResume(2, 8);
    }

    @Test
    @Tag("slow") // tools/reliability.sh
    void killedTenTimesAndResumedTheRunFinishesAsIfNeverInterrupted() throws Exception {
        killAndResume(10, 30);
    }

    private List<String> train(Path data, Path output, int epochs) {
        return List.of("train", "--data", data.toString(), "--output", output.toString(),
                "--epochs", String.valueOf(epochs), "--batch-size", "32", "--conv", "4,8", "--augment", "none",
                "--patience", "0", "--threads", "1", "--seed", "3");
    }

    private void killAndResume(int kills, int epochs) throws Exception {
        Path data = FakeEmnist.writeDirectory(dir.resolve("data"),
                FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(2_000, 7), true));
        Path reference = dir.resolve("reference");
        // In this JVM, whose TensorFlow is loaded already: each child JVM pays seconds to load it.
        assertThat(Main.commandLine().execute(train(data, reference, epochs).toArray(String[]::new))).isEqualTo(ExitCode.OK);

        Path output = dir.resolve("model");
        copyTree(reference, output);
        Files.writeString(output.resolve("earlier.txt"), "marks the model of an earlier run");
        Map<String, String> earlier = digests(output);
        Path checkpoints = dir.resolve("model.checkpoints");

        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> args = new ArrayList<>(train(data, output, epochs));
        args.add("--force");
        for (int kill = 1; kill <= kills; kill++) {
            // Some time into the epoch after the latest checkpoint: a resumed run deletes older ones.
            int epoch = latestCheckpoint(checkpoints) + 1;
            assertThat(epoch).as("epochs left to interrupt").isLessThan(epochs);
            int delay = random.nextInt(150);
            String when = "kill " + kill + " " + delay + " ms after checkpoint " + epoch + " (seed " + seed + ")";
            Path checkpoint = checkpoints.resolve(String.format("epoch-%04d", epoch));
            ChildJvm child = ChildJvm.start("512m", dir.resolve("logs"), "killed-" + kill, args);
            child.awaitUntil("checkpoint " + epoch, () -> Files.exists(checkpoint), LIMIT);
            Thread.sleep(delay);
            child.kill();

            assertEarlierModelWholeOrWhollyReplaced(output, earlier, when);
            assertEveryCheckpointComplete(checkpoints, when);
            args = List.of("train", "--resume", checkpoints.toString());
        }

        ChildJvm last = ChildJvm.start("512m", dir.resolve("logs"), "resumed", args);
        assertThat(last.waitFor(LIMIT)).as(last.stderr()).isEqualTo(ExitCode.OK);
        assertThat(output.resolve("earlier.txt")).doesNotExist();
        // The SavedModel's bytes vary from export to export, so compare what the models answer; to
        // float rounding, as TF's kernels may sum in another order in another process.
        assertThat(scores(output)).as("answers after %d kills and resumes (seed %d)", kills, seed)
                .containsExactly(scores(reference), within(1e-5f));
    }

    private static int latestCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(checkpoints)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("epoch-"))
                    .mapToInt(n -> Integer.parseInt(n.substring("epoch-".length()))).max().orElse(0);
        }
    }

    private static float[] scores(Path model) {
        Random random = new Random(11);
        ImageBatch batch = ImageBatch.allocate(16);
        float[] image = new float[EmnistTensor.PIXELS];
        while (!batch.isFull()) {
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
            batch.add(image);
        }
        try (ScoringModel scorer = Backends.named("tf").load(model, new BackendOptions(1))) {
            return scorer.score(batch);
        }
    }

    private static void assertEarlierModelWholeOrWhollyReplaced(Path model, Map<String, String> earlier, String when)
            throws IOException {
        assertThat(model).as(when + ": the model directory").isDirectory();
        if (Files.exists(model.resolve("earlier.txt"))) {
            assertThat(digests(model)).as(when + ": the earlier model, untouched").isEqualTo(earlier);
        } else {
            assertThat(model.resolve("saved_model.pb")).as(when).isNotEmptyFile();
            assertThat(model.resolve("model-card.json")).as(when).isNotEmptyFile();
        }
    }

    /** Each {@code epoch-NNNN} holds its state, best weights and variables; unfinished ones are hidden. */
    private static void assertEveryCheckpointComplete(Path checkpoints, String when) throws IOException {
        assertThat(checkpoints).as(when).isDirectory();
        try (Stream<Path> entries = Files.list(checkpoints)) {
            List<Path> epochs = entries.filter(p -> p.getFileName().toString().startsWith("epoch-")).toList();
            assertThat(epochs).as(when + ": at least one checkpoint").isNotEmpty();
            for (Path epoch : epochs) {
                JsonNode state = JSON.readTree(epoch.resolve("state.json").toFile());
                assertThat(state.get("epoch").asInt()).as(when + ": " + epoch)
                        .isEqualTo(Integer.parseInt(epoch.getFileName().toString().substring("epoch-".length())));
                assertThat(epoch.resolve("best.bin")).as(when).isNotEmptyFile();
                assertThat(epoch.resolve("variables").resolve("variables.index")).as(when).isNotEmptyFile();
            }
        }
    }

    private static Map<String, String> digests(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), digest(file));
            }
        }
        return files;
    }

    private static String digest(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path source : all.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
    }
}
