package hcr.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {
    private static final List<String> LABELS = List.of("0", "O", "o", "c");
    private static final EvaluationContext CONTEXT = new EvaluationContext("models/x", "tf", "generated");

    @TempDir
    Path dir;

    /** 0 and O confused both ways, o taken for O once (a case slip); "c" is never the truth. */
    private final Evaluation evaluation = Evaluation.of(LABELS,
            new int[] {0, 0, 0, 1, 1, 2},
            new float[] {
                    0.9f, 0.1f, 0, 0,
                    0.8f, 0.2f, 0, 0,
                    0.4f, 0.6f, 0, 0,
                    0.3f, 0.7f, 0, 0,
                    0.6f, 0.4f, 0, 0,
                    0, 0.9f, 0.1f, 0});

    @Test
    void jsonReportRoundTripsEveryFigure() throws IOException {
        Path file = dir.resolve(JsonReport.FILE_NAME);
        JsonReport.Document written = JsonReport.document(evaluation, CONTEXT, 5);

        JsonReport.write(written, file);
        JsonReport.Document read = JsonReport.read(file);

        assertThat(read).isEqualTo(written);
        assertThat(read.accuracy()).isEqualTo(0.5);
        assertThat(read.images()).isEqualTo(6);
        assertThat(read.mostConfused()).first().isEqualTo(new ConfusedPair("0", "O", 1));
        assertThat(read.confusion().get(0)).containsExactly(2L, 1L, 0L, 0L);
    }

    @Test
    void confusionCsvHasAHeaderRowAndOneRowPerTrueLabel() throws IOException {
        Path file = dir.resolve(ConfusionCsv.FILE_NAME);
        ConfusionCsv.write(evaluation.confusionMatrix(), file);

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file)) {
            rows = CSVFormat.DEFAULT.parse(in).getRecords();
        }
        assertThat(rows).hasSize(1 + LABELS.size());
        assertThat(rows.get(0).toList()).containsExactly(ConfusionCsv.CORNER, "0", "O", "o", "c");
        assertThat(rows.get(1).toList()).containsExactly("0", "2", "1", "0", "0");
        assertThat(rows.get(3).toList()).containsExactly("o", "0", "1", "0", "0");
        assertThat(rows).allSatisfy(r -> assertThat(r.size()).isEqualTo(1 + LABELS.size()));
    }

    @Test
    void heatmapDecodesAtItsSizeWithCountsDarkerThanEmptyCells() throws IOException {
        Path file = dir.resolve(ConfusionHeatmap.FILE_NAME);
        ConfusionHeatmap.write(evaluation.confusionMatrix(), "x (tf): accuracy 50.00%", "generated, 6 images", file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png.getWidth()).isEqualTo(ConfusionHeatmap.width(4));
        assertThat(png.getHeight()).isEqualTo(ConfusionHeatmap.height(4));
        int busy = brightness(cellCentre(png, 0, 0)); // count 2, the largest
        int single = brightness(cellCentre(png, 2, 1)); // count 1
        int empty = brightness(cellCentre(png, 0, 3));
        assertThat(empty).isEqualTo(brightness(Color.WHITE.getRGB()));
        assertThat(busy).isLessThan(single);
        assertThat(single).isLessThan(empty);
    }

    @Test
    void heatmapColourDarkensWithTheCount() {
        double maxLog = Math.log1p(1000);
        int previous = Integer.MAX_VALUE;
        for (long count : new long[] {0, 1, 10, 100, 1000}) {
            int b = brightness(ConfusionHeatmap.colour(count, maxLog).getRGB());
            assertThat(b).isLessThan(previous);
            previous = b;
        }
    }

    @Test
    void scaleTicksArePowersOfTenAndTheMaximumWithoutOverprinting() {
        assertThat(ConfusionHeatmap.ticks(1500)).containsExactly(1L, 10L, 100L, 1500L);
        assertThat(ConfusionHeatmap.ticks(2500)).containsExactly(1L, 10L, 100L, 1000L, 2500L);
        assertThat(ConfusionHeatmap.ticks(1)).containsExactly(1L);
        assertThat(ConfusionHeatmap.ticks(0)).containsExactly(1L);
    }

    @Test
    void tableShowsTheSummaryEveryClassAndTheWorstPairs() {
        StringWriter text = new StringWriter();
        TableReport.write(evaluation, CONTEXT, 3, new PrintWriter(text));

        String table = text.toString();
        assertThat(table).contains("accuracy                        50.00%")
                .contains("case-insensitive accuracy       66.67%")
                .contains("0 -> O       1  (33.3% of 0)");
        assertThat(table.lines().filter(line -> line.matches("^[0Ooc] +\\d.*"))).hasSize(4);
    }

    @Test
    void writersLeaveNoTemporaryFilesBehind() throws IOException {
        JsonReport.write(JsonReport.document(evaluation, CONTEXT, 5), dir.resolve(JsonReport.FILE_NAME));
        ConfusionCsv.write(evaluation.confusionMatrix(), dir.resolve(ConfusionCsv.FILE_NAME));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json", "confusion.csv");
        }
    }

    @Test
    void reportsAreReadableByOthersLikeAnyOrdinaryFile() throws IOException {
        Path file = dir.resolve(ConfusionCsv.FILE_NAME);
        ConfusionCsv.write(evaluation.confusionMatrix(), file);
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class), "not a POSIX file system");
        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_READ);
    }

    private static int cellCentre(BufferedImage png, int actual, int predicted) {
        return png.getRGB(ConfusionHeatmap.LEFT + predicted * ConfusionHeatmap.CELL + ConfusionHeatmap.CELL / 2,
                ConfusionHeatmap.TOP + actual * ConfusionHeatmap.CELL + ConfusionHeatmap.CELL / 2);
    }

    private static int brightness(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
