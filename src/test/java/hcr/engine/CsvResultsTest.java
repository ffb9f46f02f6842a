package hcr.engine;

import hcr.recognise.Candidate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvResultsTest {
    @TempDir
    Path dir;

    private static Prediction prediction(String path, String... characters) {
        return new Prediction(Path.of(path), java.util.Arrays.stream(characters)
                .map(c -> new Candidate(c, 1f / characters.length)).toList());
    }

    private static List<List<String>> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.parse(in).stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    void writesAHeaderAndOneRowPerPrediction() throws IOException {
        Path out = dir.resolve("predictions.csv");
        try (CsvResults csv = new CsvResults(out, 1)) {
            csv.predicted(prediction("data/letter_A.jpg", "A"));
            csv.commit();
        }

        assertThat(read(out)).containsExactly(List.of("code", "char", "path"), List.of("065", "A", "data/letter_A.jpg"));
    }

    @Test
    void keepsPathsWithCommasQuotesAndNewlinesIntact() throws IOException {
        List<String> awkward = List.of("a,b.png", "say \"hi\".png", "two\nlines.png", " spaced .png", "ünï ©ode.png");
        Path out = dir.resolve("predictions.csv");
        try (CsvResults csv = new CsvResults(out, 1)) {
            awkward.forEach(p -> csv.predicted(prediction(p, "x")));
            awkward.forEach(p -> csv.failed(Path.of(p), "reason, with \"quotes\""));
            csv.commit();
        }

        assertThat(read(out).subList(1, 6)).extracting(row -> row.get(2)).containsExactlyElementsOf(awkward);
        assertThat(read(CsvResults.errorsFileFor(out)).subList(1, 6))
                .allSatisfy(row -> assertThat(row.get(1)).isEqualTo("reason, with \"quotes\""))
                .extracting(row -> row.get(0)).containsExactlyElementsOf(awkward);
    }

    @Test
    void addsTheTopKCharactersAndProbabilitiesWhenAskedForMoreThanOne() throws IOException {
        Path out = dir.resolve("top.csv");
        try (CsvResults csv = new CsvResults(out, 2)) {
            csv.predicted(prediction("a.png", "O", "0"));
            csv.commit();
        }

        assertThat(read(out)).containsExactly(
                List.of("code", "char", "path", "char1", "prob1", "char2", "prob2"),
                List.of("079", "O", "a.png", "O", "0.500000", "0", "0.500000"));
    }

    @Test
    void writesAnErrorsFileBesideThePredictionsOnlyWhenSomethingFailed() throws IOException {
        Path out = dir.resolve("predictions.csv");
        try (CsvResults csv = new CsvResults(out, 1)) {
            csv.predicted(prediction("a.png", "a"));
            csv.commit();
        }
        assertThat(dir.resolve("predictions.errors.csv")).doesNotExist();

        try (CsvResults csv = new CsvResults(out, 1)) {
            csv.failed(Path.of("empty.png"), "empty file");
            csv.commit();
        }
        assertThat(read(dir.resolve("predictions.errors.csv")))
                .containsExactly(List.of("path", "reason"), List.of("empty.png", "empty file"));
    }

    @Test
    void removesAStaleErrorsFileWhenTheNewRunHadNoErrors() throws IOException {
        Path out = dir.resolve("predictions.csv");
        Files.writeString(dir.resolve("predictions.errors.csv"), "path,reason\r\nold.png,old\r\n");

        try (CsvResults csv = new CsvResults(out, 1)) {
            csv.predicted(prediction("a.png", "a"));
            csv.commit();
        }

        assertThat(dir.resolve("predictions.errors.csv")).doesNotExist();
    }

    @Test
    void leavesThePreviousResultsUntouchedAndNoTemporaryFilesWhenTheRunDoesNotFinish() throws IOException {
        Path out = dir.resolve("predictions.csv");
        Files.writeString(out, "previous");
        Files.writeString(dir.resolve("predictions.errors.csv"), "previous errors");

        try (CsvResults csv = new CsvResults(out, 1)) {
            csv.predicted(prediction("a.png", "a"));
            csv.failed(Path.of("b.png"), "bad");
        }

        assertThat(out).hasContent("previous");
        assertThat(dir.resolve("predictions.errors.csv")).hasContent("previous errors");
        try (var files = Files.list(dir)) {
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyInAnyOrder("predictions.csv", "predictions.errors.csv");
        }
    }

    @Test
    void aMissingOutputDirectoryIsAClearError() {
        assertThatThrownBy(() -> new CsvResults(dir.resolve("nowhere/predictions.csv"), 1))
                .isInstanceOf(OutputException.class)
                .hasMessage("output directory not found: " + dir.resolve("nowhere"));
    }

    @Test
    void namesTheErrorsFileAfterThePredictionsFile() {
        assertThat(CsvResults.errorsFileFor(Path.of("out/predictions.csv"))).isEqualTo(Path.of("out/predictions.errors.csv"));
        assertThat(CsvResults.errorsFileFor(Path.of("results.CSV"))).isEqualTo(Path.of("results.errors.csv"));
        assertThat(CsvResults.errorsFileFor(Path.of("results"))).isEqualTo(Path.of("results.errors.csv"));
    }
}
