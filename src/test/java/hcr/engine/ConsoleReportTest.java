package hcr.engine;

import hcr.recognise.Candidate;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleReport report(boolean quiet) {
        return new ConsoleReport(new PrintWriter(out, true), new PrintWriter(err, true), quiet);
    }

    @Test
    void printsTheZeroPaddedCodeTheCharacterAndThePathAsGiven() {
        report(false).predicted(new Prediction(Path.of("data/letter_A.jpg"), List.of(new Candidate("A", 0.9f))));
        report(false).predicted(new Prediction(Path.of("data/number_2.png"), List.of(new Candidate("2", 0.9f))));

        assertThat(out.toString().lines()).containsExactly("065, A, data/letter_A.jpg", "050, 2, data/number_2.png");
    }

    @Test
    void reportsFailuresOnStderrEvenWhenQuiet() {
        ConsoleReport quiet = report(true);

        quiet.predicted(new Prediction(Path.of("a.png"), List.of(new Candidate("a", 1f))));
        quiet.failed(Path.of("empty.png"), "empty file");

        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).isEqualTo("hcr: empty.png: empty file" + System.lineSeparator());
    }
}
