package hcr.eval;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The confusion matrix as CSV ({@code confusion.csv}): a header of predicted labels, then one row per
 * true label starting with that label. Labels are characters; case matters ("o" and "O" are two columns).
 */
public final class ConfusionCsv {
    public static final String FILE_NAME = "confusion.csv";
    public static final String CORNER = "true\\predicted";

    private ConfusionCsv() {
    }

    public static void write(ConfusionMatrix matrix, Path file) {
        Reports.write(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            List<String> header = new ArrayList<>();
            header.add(CORNER);
            header.addAll(matrix.labels());
            csv.printRecord(header);
            for (int actual = 0; actual < matrix.size(); actual++) {
                List<Object> row = new ArrayList<>(matrix.size() + 1);
                row.add(matrix.labels().get(actual));
                for (int predicted = 0; predicted < matrix.size(); predicted++) {
                    row.add(matrix.count(actual, predicted));
                }
                csv.printRecord(row);
            }
            csv.flush();
        });
    }
}
