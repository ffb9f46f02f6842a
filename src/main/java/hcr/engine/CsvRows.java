package hcr.engine;

import hcr.recognise.Candidate;
import hcr.recognise.Note;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;

/**
 * The columns and rows of hcr's result files, RFC 4180 by commons-csv (CRLF, quotes only where
 * needed): one definition for every door that writes them ({@link CsvResults} for {@code hcr infer},
 * the Spark job's part files), so their files are byte for byte the same.
 */
public final class CsvRows {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;
    public static final List<String> ERRORS_HEADER = List.of("path", "reason");

    private CsvRows() {
    }

    /** {@link #predictionsHeader(int)} and a last {@code note} column (see {@link #withNote}). */
    public static List<String> predictionsHeader(int topK, boolean notes) {
        List<String> header = predictionsHeader(topK);
        if (notes) {
            header.add("note");
        }
        return header;
    }

    /** {@code code,char,path}, plus {@code charN,probN} for the top K when K > 1. */
    public static List<String> predictionsHeader(int topK) {
        List<String> header = new ArrayList<>(List.of("code", "char", "path"));
        if (topK > 1) {
            for (int i = 1; i <= topK; i++) {
                header.add("char" + i);
                header.add("prob" + i);
            }
        }
        return header;
    }

    /** One predictions row; {@code path} as the door shows it. */
    public static List<Object> prediction(String path, List<Candidate> candidates, int topK) {
        List<Object> row = new ArrayList<>(3 + 2 * topK);
        Candidate best = candidates.get(0);
        row.add(String.format(Locale.ROOT, "%03d", best.code())); // as on stdout: "065" for 'A'
        row.add(best.character());
        row.add(path);
        if (topK > 1) {
            for (Candidate c : candidates) {
                row.add(c.character());
                row.add(String.format(Locale.ROOT, "%.6f", c.probability()));
            }
        }
        return row;
    }

    /** The row with its note column: the note's text, or empty. */
    public static List<Object> withNote(List<Object> row, Optional<Note> note) {
        row.add(note.map(Note::text).orElse(""));
        return row;
    }

    public static List<Object> error(String path, String reason) {
        return List.of(path, reason);
    }

    /** A local path as hcr prints it: POSIX separators, relative as given. */
    public static String path(Path path) {
        return PathText.posix(path);
    }

    /** One record as it appears in the file, without its line break (CRLF, added by the writer). */
    public static String line(List<?> values) {
        return FORMAT.format(values.toArray());
    }
}
