package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import hcr.SharedData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hcr infer} end to end with the real decoder and preprocessor and the test-only
 * "test-echo" backend (found through ServiceLoader like any other).
 */
class InferCommandTest {
    @TempDir
    Path dir;
    Path input;
    Path model;
    Path output;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        input = Files.createDirectory(dir.resolve("pictures"));
        model = Files.writeString(dir.resolve("echo.model"), "any");
        output = dir.resolve("predictions.csv");
    }

    private int infer(String... extra) {
        return EchoInfer.run(out, err, model, List.of("--input", input.toString(), "--output", output.toString()), extra);
    }

    /** A dark diagonal stroke on white, like a scanned character. */
    private Path picture(String name, int side) throws IOException {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, side, side);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(Math.max(2, side / 8f)));
        g.drawLine(side / 4, side / 5, side * 3 / 4, side * 4 / 5);
        g.dispose();
        Path file = input.resolve(name);
        Files.createDirectories(file.getParent());
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
        return file;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.parse(in).stream().map(CSVRecord::toList).toList();
        }
    }

    private List<String> column(Path file, String name) throws IOException {
        List<List<String>> rows = csv(file);
        int index = rows.get(0).indexOf(name);
        return rows.subList(1, rows.size()).stream().map(row -> row.get(index)).toList();
    }

    private Path errors() {
        return dir.resolve("predictions.errors.csv");
    }

    @Test
    void printsOneLinePerPictureInSortedOrderAndWritesTheSameToTheCsv() throws IOException {
        picture("b.png", 40);
        picture("a.png", 40);
        picture("C.bmp", 40);

        int code = infer();

        assertThat(code).isEqualTo(ExitCode.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines).allMatch(line -> line.matches("\\d{3}, ., " + input + "/.*"));
        assertThat(lines).extracting(line -> line.substring(line.lastIndexOf('/') + 1)).containsExactly("C.bmp", "a.png", "b.png");
        assertThat(column(output, "path")).containsExactly(input + "/C.bmp", input + "/a.png", input + "/b.png");
        assertThat(csv(output).subList(1, 4)).extracting(row -> String.join(", ", row)).containsExactlyElementsOf(lines);
        assertThat(errors()).doesNotExist();
        assertThat(err.toString()).contains("3 images: 3 predicted, 0 failed");
    }

    @Test
    void everyKindOfBadInputGetsOneErrorRowAndTheBatchGoesOn() throws IOException {
        picture("good-1.png", 40);
        picture("good-2.jpg", 40);
        Files.write(input.resolve("empty.png"), new byte[0]);
        byte[] png = Files.readAllBytes(picture("truncated.png", 64));
        Files.write(input.resolve("truncated.png"), Arrays.copyOf(png, png.length / 2));
        byte[] corrupt = png.clone();
        Arrays.fill(corrupt, 16, corrupt.length, (byte) 0x5a);
        Files.write(input.resolve("corrupt.png"), corrupt);
        Files.writeString(input.resolve("text.png"), "this is not a picture");
        Files.createDirectory(input.resolve("folder.png"));
        picture("huge.png", 200);
        BufferedImage blank = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        blank.getGraphics().fillRect(0, 0, 40, 40);
        ImageIO.write(blank, "png", input.resolve("blank.png").toFile());

        int code = infer("--max-pixels", "10000");

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(column(output, "path")).containsExactly(input + "/good-1.png", input + "/good-2.jpg");
        assertThat(column(errors(), "path")).extracting(p -> Path.of(p).getFileName().toString()).containsExactly(
                "blank.png", "corrupt.png", "empty.png", "folder.png", "huge.png", "text.png", "truncated.png");
        assertThat(column(errors(), "reason")).allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(err.toString()).contains("hcr: " + input + "/empty.png: ").contains("9 images: 2 predicted, 7 failed");
    }

    @Test
    void anUnreadableFileIsAnErrorRow() throws IOException {
        Path locked = picture("locked.png", 40);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as root: chmod 000 does not stop reading");

        int code = infer();

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        assertThat(column(errors(), "path")).containsExactly(locked.toString());
    }

    @Test
    void accountsForEveryPictureExactlyOnceAcrossTheTwoFiles() throws IOException {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Path file = i % 7 == 3 ? Files.write(input.resolve("bad-" + i + ".png"), new byte[] {1, 2, 3})
                    : picture("good-" + i + ".png", 30);
            all.add(file.toString());
        }

        int code = infer("--batch-size", "8", "--threads", "3");

        assertThat(code).isEqualTo(ExitCode.PARTIAL);
        List<String> accounted = new ArrayList<>(column(output, "path"));
        accounted.addAll(column(errors(), "path"));
        assertThat(accounted).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
    }

    @Test
    void awkwardFileNamesSurviveTheCsvIntact() throws IOException {
        picture("a,b.png", 30);
        picture("say \"hi\".png", 30);
        picture("two\nlines.png", 30);

        infer();

        assertThat(column(output, "path")).extracting(p -> Path.of(p).getFileName().toString())
                .containsExactly("a,b.png", "say \"hi\".png", "two\nlines.png");
    }

    @Test
    void topAddsTheBestCharactersAndTheirProbabilities() throws IOException {
        picture("a.png", 30);

        infer("--top", "3");

        List<List<String>> rows = csv(output);
        assertThat(rows.get(0)).containsExactly("code", "char", "path", "char1", "prob1", "char2", "prob2", "char3", "prob3");
        assertThat(rows.get(1).get(3)).isEqualTo(rows.get(1).get(1));
        assertThat(Double.parseDouble(rows.get(1).get(4))).isGreaterThanOrEqualTo(Double.parseDouble(rows.get(1).get(6)));
    }

    @Test
    void aCharsetRestrictsEveryCandidateAndTheTopColumnsToTheSet() throws IOException {
        picture("a.png", 30);
        picture("b.png", 60);

        assertThat(infer("--charset", "ACGT", "--top", "10")).isEqualTo(ExitCode.OK);

        List<List<String>> rows = csv(output);
        assertThat(rows.get(0)).hasSize(3 + 2 * 4);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(3 + 2 * 4);
            assertThat(List.of(row.get(1), row.get(3), row.get(5), row.get(7), row.get(9))).allMatch("ACGT"::contains);
        }
    }

    @Test
    void aCharsetTheModelCannotAnswerIsAUsageError() throws IOException {
        picture("a.png", 30);

        assertThat(infer("--charset", "0-9#")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--charset").contains("#");
        assertThat(infer("--charset", "9-0")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("backwards range");
    }

    @Test
    void recursiveReadsSubdirectoriesAndReportsALinkLoopOnce() throws IOException {
        picture("a.png", 30);
        picture("sub/b.png", 30);
        Files.createSymbolicLink(input.resolve("sub/loop"), input);

        assertThat(infer()).isEqualTo(ExitCode.OK);
        assertThat(column(output, "path")).containsExactly(input + "/a.png");

        assertThat(infer("--recursive")).isEqualTo(ExitCode.PARTIAL);
        assertThat(column(output, "path")).containsExactly(input + "/a.png", input + "/sub/b.png");
        assertThat(column(errors(), "path")).containsExactly(input + "/sub/loop");
    }

    @Test
    void aCleanRunRemovesTheStaleErrorsFileOfAnEarlierRun() throws IOException {
        picture("a.png", 30);
        Files.writeString(errors(), "path,reason\r\nold.png,old\r\n");

        assertThat(infer()).isEqualTo(ExitCode.OK);
        assertThat(errors()).doesNotExist();
    }

    @Test
    void aMissingInputDirectoryIsAFailureWithAClearMessage() {
        input = dir.resolve("nowhere");

        assertThat(infer()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).isEqualTo("hcr: input not found: " + input + System.lineSeparator());
    }

    @Test
    void aDirectoryWithoutPicturesIsAFailure() throws IOException {
        Files.writeString(input.resolve("notes.txt"), "no pictures here");

        assertThat(infer()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).startsWith("hcr: no pictures in " + input);
        assertThat(output).doesNotExist();
    }

    @Test
    void aMissingModelIsAFailureAndLeavesThePreviousResultsInPlace() throws IOException {
        picture("a.png", 30);
        String previous = "code,char,path\r\n065,A,old.png\r\n";
        Files.writeString(output, previous);
        model = dir.resolve("missing.model");

        assertThat(infer()).isEqualTo(ExitCode.FAILURE);
        assertThat(err.toString()).contains("model not found: " + model);
        assertThat(output).hasContent(previous);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).noneMatch(f -> f.getFileName().toString().endsWith(".tmp"));
        }
    }

    @Test
    void anUnknownBackendIsAUsageErrorThatNamesTheAvailableOnes() throws IOException {
        picture("a.png", 30);

        int code = Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("infer", "--backend", "nope", "--input", input.toString(), "--output", output.toString());

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("unknown backend 'nope'").contains("test-echo");
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        picture("a.png", 30);

        assertThat(infer("--batch-size", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(infer("--top", "many")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void quietPrintsNoPredictionLinesButStillWritesTheCsv() throws IOException {
        picture("a.png", 30);

        assertThat(infer("--quiet")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEmpty();
        assertThat(column(output, "path")).hasSize(1);
    }

    @Test
    void everySeedSampleIsAccountedFor() throws IOException {
        Path seeds = SharedData.seedSamples();
        input = seeds;

        int code = infer();

        long pictures;
        try (Stream<Path> files = Files.list(seeds)) {
            pictures = files.count();
        }
        assertThat(code).isIn(ExitCode.OK, ExitCode.PARTIAL);
        long failed = Files.exists(errors()) ? csv(errors()).size() - 1 : 0;
        assertThat(csv(output).size() - 1 + failed).isEqualTo(pictures);
    }
}
