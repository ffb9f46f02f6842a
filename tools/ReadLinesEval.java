import hcr.data.Emnist;
import hcr.data.Holdout;
import hcr.data.ImageSet;
import hcr.data.LineRenderer;
import hcr.data.LineRenderer.Alphabet;
import hcr.data.LineRenderer.Spacing;
import hcr.data.Part;
import hcr.image.InkMap;
import hcr.read.Box;
import hcr.read.LineReader;
import hcr.read.Reading;
import hcr.read.TextScore;
import hcr.recognise.Charset;
import hcr.recognise.EmnistTranslator;
import hcr.recognise.Recogniser;
import hcr.runtime.BackendOptions;
import hcr.runtime.Backends;
import hcr.runtime.ScoringModel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * The "Reading lines" table: renders strings of EMNIST images (LineRenderer: digits, capitals,
 * mixed case x spaced, tight, touching), reads every picture file with hcr's LineReader (found
 * boxes), with the true boxes (oracle), each with and without case context, and with the
 * Tesseract CLI on the same files (skipped when tesseract is absent). Prints a Markdown table.
 *
 *   java -cp target/hcr.jar tools/ReadLinesEval.java [--count N] [--pool holdout|dev] [--out DIR]
 *        [--model onnx/hcr.onnx] [--seed S] [--no-tesseract] [--cells digits-spaced,...]
 *
 * Defaults: 200 strings per cell, the holdout pool, target/read-lines. Tune only with --pool dev.
 * Texts are compared with spaces removed (none of the strings has one; both readers may split words).
 */
public class ReadLinesEval {
    public static void main(String[] args) throws Exception {
        int count = 200;
        String pool = "holdout";
        Path out = Path.of("target/read-lines");
        Path model = Path.of("onnx/hcr.onnx");
        long seed = 16;
        boolean tesseract = true;
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--pool" -> pool = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--model" -> model = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-tesseract" -> tesseract = false;
                case "--cells" -> only = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (tesseract && !onPath("tesseract")) {
            System.out.println("tesseract is not on the PATH: its columns are skipped");
            tesseract = false;
        }
        ImageSet images = Emnist.load(Path.of("../shared/emnist"), "byclass", Part.DEV);
        Holdout holdout = Holdout.everyTenth();
        int[] indices = pool.equals("holdout") ? holdout.holdoutIndices(images.size()) : holdout.poolIndices(images.size());
        System.out.printf(Locale.ROOT, "%d strings per cell from the %s pool (%d images), seed %d, model %s%n%n",
                count, pool, indices.length, seed, model);
        System.out.println("| strings | spacing | n | hcr string acc | hcr CER | hcr count ok | oracle string acc | oracle CER "
                + "| tesseract string acc | tesseract CER | tesseract count ok | case errors: crop alone / context (found boxes) "
                + "| case errors: crop alone / context (oracle) | ms/string |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        try (ScoringModel scorer = Backends.named("onnx").load(model, new BackendOptions(1))) {
            for (Alphabet alphabet : Alphabet.values()) {
                String charsetSpec = switch (alphabet) {
                    case DIGITS -> "digits";
                    case UPPER -> "upper";
                    case MIXED -> "alnum";
                };
                Recogniser core = Recogniser.of(scorer, EmnistTranslator.withDefaults(), Charset.parse(charsetSpec), 2);
                LineReader withContext = new LineReader(core, true);
                LineReader alone = new LineReader(core, false);
                for (Spacing spacing : Spacing.values()) {
                    String cell = alphabet.token() + "-" + spacing.token();
                    if (only != null && !only.contains(cell)) {
                        continue;
                    }
                    Path dir = out.resolve(pool).resolve(cell);
                    List<Truth> truths = render(new LineRenderer(images, indices, alphabet, spacing, seed), count, dir);
                    Map<String, Score> scores = new LinkedHashMap<>();
                    for (String system : List.of("hcr", "hcr-alone", "oracle", "oracle-alone", "tesseract")) {
                        scores.put(system, new Score());
                    }
                    long started = System.nanoTime();
                    for (Truth truth : truths) {
                        InkMap map = InkMap.of(ImageIO.read(truth.file.toFile()));
                        scores.get("hcr").add(truth.text, withContext.read(map));
                        scores.get("oracle").add(truth.text, withContext.readBoxes(map, truth.boxes));
                        if (alphabet == Alphabet.MIXED) {
                            scores.get("hcr-alone").add(truth.text, alone.read(map));
                            scores.get("oracle-alone").add(truth.text, alone.readBoxes(map, truth.boxes));
                        }
                    }
                    double msPerString = (System.nanoTime() - started) / 1e6 / truths.size()
                            / (alphabet == Alphabet.MIXED ? 2 : 1);
                    if (tesseract) {
                        tesseract(dir, truths, charsetChars(charsetSpec), scores.get("tesseract"));
                    }
                    Score h = scores.get("hcr");
                    Score o = scores.get("oracle");
                    Score t = scores.get("tesseract");
                    String caseFound = alphabet == Alphabet.MIXED
                            ? scores.get("hcr-alone").caseErrors + " / " + h.caseErrors : "-";
                    String caseOracle = alphabet == Alphabet.MIXED
                            ? scores.get("oracle-alone").caseErrors + " / " + o.caseErrors : "-";
                    System.out.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s | %s | %s | %s | %.1f |%n",
                            alphabet.token(), spacing.token(), h.strings, h.accuracy(), h.cer(), h.countRate(),
                            o.accuracy(), o.cer(),
                            t.strings == 0 ? "-" : String.format(Locale.ROOT, "%.3f", t.accuracy()),
                            t.strings == 0 ? "-" : String.format(Locale.ROOT, "%.3f", t.cer()),
                            t.strings == 0 ? "-" : String.format(Locale.ROOT, "%.3f", t.countRate()),
                            caseFound, caseOracle, msPerString);
                }
            }
        }
    }

    record Truth(Path file, String text, List<Box> boxes) {
    }

    static final class Score {
        int strings;
        int exact;
        int counted;
        long characters;
        long edits;
        int caseErrors;

        void add(String truth, Reading reading) {
            add(truth, reading.text());
        }

        void add(String truth, String read) {
            TextScore s = TextScore.of(truth, read.replaceAll("\\s", ""));
            strings++;
            exact += s.exact() ? 1 : 0;
            counted += s.countRight() ? 1 : 0;
            characters += s.length();
            edits += s.edits();
            caseErrors += s.caseErrors();
        }

        double accuracy() {
            return strings == 0 ? 0 : (double) exact / strings;
        }

        double cer() {
            return characters == 0 ? 0 : (double) edits / characters;
        }

        double countRate() {
            return strings == 0 ? 0 : (double) counted / strings;
        }
    }

    /** Writes the cell's pictures (PNG) and truth.tsv unless the same set is already there. */
    static List<Truth> render(LineRenderer renderer, int count, Path dir) throws Exception {
        Files.createDirectories(dir);
        List<Truth> truths = new ArrayList<>();
        StringBuilder tsv = new StringBuilder("file\ttext\tboxes\n");
        for (int n = 0; n < count; n++) {
            LineRenderer.Line line = renderer.render(n);
            Path file = dir.resolve(String.format(Locale.ROOT, "line-%05d.png", n));
            ImageIO.write(line.picture(), "png", file.toFile());
            List<Box> boxes = new ArrayList<>();
            StringBuilder spelled = new StringBuilder();
            for (int[] b : line.boxes()) {
                boxes.add(new Box(b[0], b[1], b[2], b[3]));
                spelled.append(spelled.length() == 0 ? "" : " ").append(b[0]).append(',').append(b[1]).append(',')
                        .append(b[2]).append(',').append(b[3]);
            }
            tsv.append(file.getFileName()).append('\t').append(line.text()).append('\t').append(spelled).append('\n');
            truths.add(new Truth(file, line.text(), boxes));
        }
        Files.writeString(dir.resolve("truth.tsv"), tsv);
        return truths;
    }

    /** One tesseract process for the whole cell (a list of images): pages come back separated by form feeds. */
    static void tesseract(Path dir, List<Truth> truths, String whitelist, Score score) throws Exception {
        Path list = dir.resolve("tesseract-list.txt");
        StringBuilder files = new StringBuilder();
        for (Truth t : truths) {
            files.append(t.file.toAbsolutePath()).append('\n');
        }
        Files.writeString(list, files);
        Path base = dir.resolve("tesseract");
        Process p = new ProcessBuilder("tesseract", list.toString(), base.toString(), "--psm", "7", "-l", "eng",
                "-c", "tessedit_char_whitelist=" + whitelist)
                .redirectErrorStream(true).redirectOutput(dir.resolve("tesseract.log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            System.out.println("tesseract failed: see " + dir.resolve("tesseract.log"));
            return;
        }
        String text = Files.readString(Path.of(base + ".txt"), StandardCharsets.UTF_8);
        String[] pages = text.split("\f", -1);
        for (int i = 0; i < truths.size(); i++) {
            score.add(truths.get(i).text, i < pages.length ? pages[i] : "");
        }
    }

    static String charsetChars(String spec) {
        return switch (spec) {
            case "digits" -> "0123456789";
            case "upper" -> "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            default -> "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        };
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
