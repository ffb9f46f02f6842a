package hcr.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Parses NIST's {@code emnist-<split>-mapping.txt}: one "label ascii-code" pair per line. */
final class MappingFile {
    private MappingFile() {
    }

    static LabelMap parse(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        Map<Integer, Integer> codes = new TreeMap<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            try {
                if (fields.length != 2) {
                    throw new NumberFormatException();
                }
                if (codes.put(Integer.parseInt(fields[0]), Integer.parseInt(fields[1])) != null) {
                    throw new DataFormatException(name + ": label " + fields[0] + " appears twice (line " + lineNumber + ")");
                }
            } catch (NumberFormatException e) {
                throw new DataFormatException(name + ": line " + lineNumber + " is not \"label ascii-code\": " + line);
            }
        }
        return toLabelMap(codes, name);
    }

    /** Labels must be exactly 0..n-1, since they index the model's outputs. */
    private static LabelMap toLabelMap(Map<Integer, Integer> codes, String name) {
        if (codes.isEmpty()) {
            throw new DataFormatException(name + ": mapping file is empty");
        }
        int[] byLabel = new int[codes.size()];
        int expected = 0;
        for (Map.Entry<Integer, Integer> entry : codes.entrySet()) {
            if (entry.getKey() != expected) {
                throw new DataFormatException(name + ": labels must run 0.." + (codes.size() - 1)
                        + " without gaps, but label " + expected + " is missing");
            }
            byLabel[expected++] = entry.getValue();
        }
        return LabelMap.ofCodes(byLabel);
    }
}
