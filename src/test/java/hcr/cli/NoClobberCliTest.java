package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import hcr.OutsideTool;
import hcr.data.FakeEmnist;
import hcr.data.Part;
import hcr.engine.EchoBackend;
import hcr.export.CnnSavedModel;
import hcr.model.LearnableImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The write policy end to end, on temporary trees: whatever a command refuses to replace is
 * byte-identical afterwards, and a refused or impossible output fails before any work.
 */
class NoClobberCliTest {
    @TempDir
    static Path shared;
    static Path savedModel;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void model() {
        savedModel = CnnSavedModel.write(shared.resolve("saved_model"));
    }

    private int hcr(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Every file below {@code root} with its bytes, to compare a tree before and after. */
    private static Map<String, List<Byte>> snapshot(Path root) throws IOException {
        Map<String, List<Byte>> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                byte[] bytes = Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0];
                List<Byte> list = new ArrayList<>(bytes.length);
                for (byte b : bytes) {
                    list.add(b);
                }
                files.put(root.relativize(p) + (Files.isDirectory(p) ? "/" : ""), list);
            }
        }
        return files;
    }

    private Path usersFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("documents/letters"));
        Files.writeString(folder.resolve("thesis.txt"), "years of work");
        Files.write(dir.resolve("documents/photo.bin"), new byte[] {1, 2, 3, 4});
        return dir.resolve("documents");
    }

    private Path picture(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 4; i < 28; i++) {
            image.getRaster().setSample(i, i, 0, 255);
            image.getRaster().setSample(i, 31 - i, 0, 255);
        }
        ImageIO.write(image, file.getFileName().toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
        return file;
    }

    private int infer(String... args) throws IOException {
        if (!Files.exists(dir.resolve("echo"))) {
            Files.writeString(dir.resolve("echo"), "any");
        }
        List<String> all = new ArrayList<>(List.of("infer", "--backend", EchoBackend.NAME, "--model", dir.resolve("echo").toString()));
        all.addAll(Arrays.asList(args));
        return hcr(all.toArray(String[]::new));
    }

    @Test
    void exportSavedModelRefusesAFolderOfTheUsersAndLeavesItIntact() throws IOException {
        Path documents = usersFolder();
        var before = snapshot(documents);

        assertThat(hcr("export", "--format", "savedmodel", "--model", savedModel.toString(), "--output", documents.toString()))
                .isEqualTo(ExitCode.FAILURE);

        assertThat(err.toString()).contains(documents + " exists and is not an hcr model directory").contains("--force")
                .doesNotContain("\tat ");
        assertThat(snapshot(documents)).isEqualTo(before);
    }

    @Test
    void evenWithForceNoExportReplacesADirectoryHoldingItsInputOrTheWorkingDirectory() throws IOException {
        Path parent = savedModel.getParent();
        var before = snapshot(parent);

        assertThat(hcr("export", "--format", "savedmodel", "--force", "--model", savedModel.toString(), "--output", parent.toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("refusing to replace " + parent).contains("holds the input");
        // The working directory itself, not "..": in a checkout under the temporary directory (git clone
        // . /tmp/x) ".." holds this test's input too, and is refused for that first.
        assertThat(hcr("export", "--format", "savedmodel", "--force", "--model", savedModel.toString(), "--output", "."))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("holds the working directory");
        assertThat(snapshot(parent)).isEqualTo(before);
    }

    @Test
    void anExistingOnnxFileIsNotTurnedIntoADirectory() throws IOException {
        Path file = Files.write(dir.resolve("model.onnx"), new byte[] {8, 8, 18, 3, 'h', 'c', 'r'});

        assertThat(hcr("export", "--format", "savedmodel", "--force", "--model", savedModel.toString(), "--output", file.toString()))
                .isEqualTo(ExitCode.FAILURE);

        assertThat(err.toString()).contains("not a directory");
        assertThat(file).isRegularFile().hasBinaryContent(new byte[] {8, 8, 18, 3, 'h', 'c', 'r'});
    }

    @Test
    void onnxExportReplacesItsOwnEarlierFileButNotAUsersFileOfTheSameName() throws IOException {
        Path onnx = dir.resolve("out/model.onnx");
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", onnx.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", onnx.toString())).as(err.toString()).isEqualTo(ExitCode.OK);

        Path users = Files.writeString(dir.resolve("out/notes.onnx"), "my notes");
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", users.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("is not an ONNX file hcr exported");
        assertThat(users).hasContent("my notes");
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", users.toString(), "--force")).isEqualTo(ExitCode.OK);
    }

    @Test
    void twoExportsIntoOneDirectoryEachKeepTheirOwnCard() throws IOException {
        Path a = dir.resolve("both/a.onnx");
        Path b = dir.resolve("both/b.onnx");
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", a.toString())).isEqualTo(ExitCode.OK);
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", b.toString())).isEqualTo(ExitCode.OK);

        try (Stream<Path> files = Files.list(dir.resolve("both"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.onnx", "a.model-card.json", "b.onnx", "b.model-card.json");
        }
    }

    @Test
    void theShippedModelIsReplacedOnlyWithForce() throws IOException {
        Path shipped = HcrHome.locate().resolve("onnx/hcr.onnx");
        if (!Files.isRegularFile(shipped)) {
            return; // a checkout without the shipped model has nothing to protect
        }
        byte[] before = Files.readAllBytes(shipped);

        assertThat(hcr("export", "--model", savedModel.toString(), "--output", shipped.toString())).isEqualTo(ExitCode.FAILURE);

        assertThat(err.toString()).contains("refusing to replace the shipped model");
        assertThat(shipped).hasBinaryContent(before);
    }

    @Test
    void exportWithoutOutputWritesToTheWorkingDirectoryNotTheShippedModel() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home/onnx"));
        Path shipped = Files.writeString(home.resolve("hcr.onnx"), "the shipped model");
        Path work = Files.createDirectories(dir.resolve("work"));

        OutsideTool.Run run = OutsideTool.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhcr.home=" + home.getParent(), "-cp", System.getProperty("java.class.path"), "hcr.cli.Main",
                "export", "--model", savedModel.toString()), work, Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(shipped).hasContent("the shipped model");
        assertThat(work.resolve("hcr.onnx")).isNotEmptyFile();
        assertThat(work.resolve("hcr.model-card.json")).isNotEmptyFile();
    }

    @Test
    void inferNeverWritesOverAnInputPictureEvenWithForce() throws IOException {
        Path in = dir.resolve("in");
        Path letter = picture(in.resolve("letter_A.jpg"));
        byte[] before = Files.readAllBytes(letter);

        assertThat(infer("--input", in.toString(), "--output", letter.toString(), "--force")).isEqualTo(ExitCode.FAILURE);

        assertThat(err.toString()).contains("refusing to write " + letter + ": it is one of the inputs");
        assertThat(letter).hasBinaryContent(before);
        assertThat(infer(letter.toString(), "--output", in.resolve("letter_A.jpg").toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(letter).hasBinaryContent(before);
    }

    @Test
    void inferReplacesItsOwnResultsButNotAUsersFileWithoutForce() throws IOException {
        Path in = dir.resolve("in");
        picture(in.resolve("a.png"));
        Path output = dir.resolve("results.csv");
        Path errors = dir.resolve("results.errors.csv");

        Files.writeString(output, "my spreadsheet\n");
        assertThat(infer(in.toString(), "-o", output.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains(output + " exists and is not an hcr predictions file").contains("--force");
        assertThat(output).hasContent("my spreadsheet\n");

        Files.writeString(output, "code,char,path\r\n065,A,old.png\r\n");
        Files.writeString(errors, "my other spreadsheet\n");
        assertThat(infer(in.toString(), "-o", output.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(errors).hasContent("my other spreadsheet\n");

        Files.delete(errors);
        assertThat(infer(in.toString(), "-o", output.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(output)).contains("a.png").doesNotContain("old.png");
        Files.writeString(output, "my spreadsheet\n");
        assertThat(infer(in.toString(), "-o", output.toString(), "--force")).isEqualTo(ExitCode.OK);
    }

    @Test
    void impossibleOutputsFailBeforeTheModelIsEvenLoaded() throws IOException {
        Path in = dir.resolve("in");
        picture(in.resolve("a.png"));
        // The model is missing too: the output's problem is reported first, so no work was done.
        Path directory = Files.createDirectories(dir.resolve("a-directory.csv"));
        assertThat(infer(in.toString(), "-o", directory.toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).isEqualTo("hcr: cannot write " + directory + ": Is a directory" + System.lineSeparator());

        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThat(infer(in.toString(), "-o", file.resolve("p.csv").toString())).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("Not a directory");

        assertThat(hcr("evaluate", "--model", dir.resolve("missing.onnx").toString(), "--report-dir", file.toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("cannot write reports to " + file + ": Not a directory");
        assertThat(file).hasContent("x");
    }

    @Test
    void anUnwritablePlaceFailsWithTheOperatingSystemsReason() throws IOException {
        // /proc refuses new files even to root, so this holds for any user.
        assertThat(infer("tools/samples", "-o", "/proc/predictions.csv")).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("cannot write /proc/predictions.csv").containsAnyOf("Permission denied", "No such file");
    }

    @Test
    void renderingAgainReplacesTheEarlierRenderWholeAndRefusesAForeignFolder() throws IOException {
        Path data = FakeEmnist.writeDirectory(dir.resolve("emnist"),
                FakeEmnist.files("byclass", Part.DEV, FakeEmnist.randomByClass(100, 1), true));
        Path rendered = dir.resolve("rendered");
        assertThat(hcr("data", "render", "--data", data.toString(), "--part", "dev", "--count", "5", "--out", rendered.toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(hcr("data", "render", "--data", data.toString(), "--part", "dev", "--count", "2", "--out", rendered.toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        try (Stream<Path> files = Files.list(rendered)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("labels.csv", "dev-000000.png", "dev-000001.png");
        }

        Path documents = usersFolder();
        var before = snapshot(documents);
        assertThat(hcr("data", "render", "--data", data.toString(), "--part", "dev", "--count", "2", "--out", documents.toString()))
                .isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("is not a directory hcr rendered").contains("--force");
        assertThat(snapshot(documents)).isEqualTo(before);
    }

    @Test
    void aTrainingRunRefusedForItsOptionsLeavesNothingThatBlocksTheCorrectedRun() {
        FakeEmnist.writeDirectory(dir.resolve("emnist"), FakeEmnist.files("byclass", Part.DEV, LearnableImages.generate(400, 1), true));
        Path output = dir.resolve("model");
        Path checkpoints = dir.resolve("model.checkpoints");
        String[] common = {"train", "--data", dir.resolve("emnist").toString(), "--output", output.toString(), "--epochs", "1",
                "--conv", "4,8"};

        assertThat(hcr(concat(common, "--batch-size", "1000000"))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--batch-size must be between 1 and");
        assertThat(hcr(concat(common, "--limit", "0"))).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--limit must be between 1 and");
        // Valid options, but too few images for a validation set: fails in the run, before any epoch.
        assertThat(hcr(concat(common, "--limit", "3"))).isEqualTo(ExitCode.FAILURE);
        assertThat(checkpoints).doesNotExist();
        assertThat(output).doesNotExist();

        assertThat(hcr(concat(common, "--batch-size", "32"))).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(output.resolve("saved_model.pb")).isRegularFile();
    }

    @Test
    void resumeRefusesAnOptionItWouldIgnore() throws IOException {
        Path checkpoints = Files.createDirectories(dir.resolve("m.checkpoints"));
        Files.writeString(checkpoints.resolve("args.json"), "[\"--epochs\",\"1\"]");

        assertThat(hcr("train", "--resume", checkpoints.toString(), "--epochs", "3")).isEqualTo(ExitCode.USAGE);

        assertThat(err.toString()).contains("--epochs cannot change them");
    }

    @Test
    void outputsAreCreatedWithTheUsersUmaskLikeAnyOtherFile() throws IOException {
        Path in = dir.resolve("in");
        picture(in.resolve("a.png"));
        Path reference = Files.createFile(dir.resolve("made-by-any-program"));
        Path output = dir.resolve("p.csv");

        assertThat(infer(in.toString(), "-o", output.toString())).isEqualTo(ExitCode.OK);
        assertThat(hcr("export", "--model", savedModel.toString(), "--output", dir.resolve("m.onnx").toString())).isEqualTo(ExitCode.OK);

        String expected = PosixFilePermissions.toString(Files.getPosixFilePermissions(reference));
        for (Path written : List.of(output, dir.resolve("m.onnx"), dir.resolve("m.model-card.json"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).as(written.toString())
                    .isEqualTo(expected);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
