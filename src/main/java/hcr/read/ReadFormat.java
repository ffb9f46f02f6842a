package hcr.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hcr.recognise.Candidate;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ways {@code hcr read} writes what it read. Each format starts with a mark of its own
 * (the JSON's {@code "hcr"} field, the CSV header, hOCR's {@code ocr-system} meta) so that a file
 * hcr wrote can be told from one it did not ({@link #wroteThis}).
 */
public enum ReadFormat {
    /** {@code path: text}, one output line per line of text. */
    TEXT {
        @Override
        public void write(List<PictureReading> pictures, Writer out) throws IOException {
            for (PictureReading p : pictures) {
                for (TextLine line : p.reading().lines()) {
                    out.write(p.name() + ": " + line.text() + "\n");
                }
            }
        }

        @Override
        public boolean wroteThis(String start) {
            return false; // plain text carries no mark: never replaced without --force
        }
    },
    /** Pictures → lines → words → characters, each with its box, confidence and candidates. */
    JSON {
        @Override
        public void write(List<PictureReading> pictures, Writer out) throws IOException {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("hcr", "read");
            ArrayNode list = root.putArray("pictures");
            for (PictureReading p : pictures) {
                ObjectNode picture = list.addObject();
                picture.put("file", p.name());
                picture.put("width", p.width());
                picture.put("height", p.height());
                picture.put("text", p.reading().text());
                ArrayNode lines = picture.putArray("lines");
                for (TextLine line : p.reading().lines()) {
                    ObjectNode l = lines.addObject();
                    l.put("text", line.text());
                    box(l, line.box());
                    ArrayNode words = l.putArray("words");
                    for (Word word : line.words()) {
                        ObjectNode w = words.addObject();
                        w.put("text", word.text());
                        box(w, word.box());
                        w.put("confidence", word.confidence());
                        ArrayNode characters = w.putArray("characters");
                        for (ReadCharacter c : word.characters()) {
                            ObjectNode ch = characters.addObject();
                            ch.put("char", c.character());
                            ch.put("code", c.candidates().get(0).code());
                            box(ch, c.box());
                            ch.put("confidence", c.confidence());
                            ArrayNode top = ch.putArray("candidates");
                            for (Candidate candidate : c.candidates()) {
                                top.addObject().put("char", candidate.character()).put("probability", candidate.probability());
                            }
                        }
                    }
                }
            }
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, root);
            out.write("\n");
        }

        @Override
        public boolean wroteThis(String start) {
            return start.replaceAll("\\s", "").startsWith("{\"hcr\":\"read\"");
        }
    },
    /** One row per character: file, line, word, index (all from 1), code, char, box, confidence, second choice. */
    CSV {
        @Override
        public void write(List<PictureReading> pictures, Writer out) throws IOException {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out);
            for (PictureReading p : pictures) {
                List<TextLine> lines = p.reading().lines();
                for (int l = 0; l < lines.size(); l++) {
                    List<Word> words = lines.get(l).words();
                    for (int w = 0; w < words.size(); w++) {
                        List<ReadCharacter> characters = words.get(w).characters();
                        for (int i = 0; i < characters.size(); i++) {
                            ReadCharacter c = characters.get(i);
                            Box b = c.box();
                            boolean second = c.candidates().size() > 1;
                            csv.printRecord(p.name(), l + 1, w + 1, i + 1, c.candidates().get(0).code(), c.character(),
                                    b.x(), b.y(), b.width(), b.height(), probability(c.confidence()),
                                    second ? c.candidates().get(1).character() : "",
                                    second ? probability(c.candidates().get(1).probability()) : "");
                        }
                    }
                }
            }
            csv.flush();
        }

        @Override
        public boolean wroteThis(String start) {
            return start.startsWith(String.join(",", CSV_HEADER));
        }
    },
    /** hOCR 1.2 as Tesseract writes it with {@code hocr_char_boxes=1}: ocr_page, ocr_line, ocrx_word, ocrx_cinfo. */
    HOCR {
        @Override
        public void write(List<PictureReading> pictures, Writer out) throws IOException {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                    + "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                    + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"en\" lang=\"en\">\n<head>\n"
                    + "<title></title>\n<meta http-equiv=\"Content-Type\" content=\"text/html;charset=utf-8\"/>\n"
                    + "<meta name=\"ocr-system\" content=\"hcr\"/>\n"
                    + "<meta name=\"ocr-capabilities\" content=\"ocr_page ocr_line ocrx_word ocrp_wconf ocrx_cinfo\"/>\n"
                    + "</head>\n<body>\n");
            int page = 0;
            for (PictureReading p : pictures) {
                page++;
                out.write(String.format(Locale.ROOT, "<div class=\"ocr_page\" id=\"page_%d\" title=\"image %s; bbox 0 0 %d %d; ppageno %d\">\n",
                        page, quoted(p.name()), p.width(), p.height(), page - 1));
                int lineNo = 0;
                int wordNo = 0;
                for (TextLine line : p.reading().lines()) {
                    lineNo++;
                    out.write(String.format(Locale.ROOT, " <span class=\"ocr_line\" id=\"line_%d_%d\" title=\"%s\">\n",
                            page, lineNo, bbox(line.box())));
                    for (Word word : line.words()) {
                        wordNo++;
                        out.write(String.format(Locale.ROOT, "  <span class=\"ocrx_word\" id=\"word_%d_%d\" title=\"%s; x_wconf %d\">",
                                page, wordNo, bbox(word.box()), Math.round(100 * word.confidence())));
                        for (ReadCharacter c : word.characters()) {
                            Box b = c.box();
                            out.write(String.format(Locale.ROOT, "<span class=\"ocrx_cinfo\" title=\"x_bboxes %d %d %d %d; x_conf %.1f\">%s</span>",
                                    b.x(), b.y(), b.right(), b.bottom(), 100 * c.confidence(), escape(c.character())));
                        }
                        out.write("</span>\n");
                    }
                    out.write(" </span>\n");
                }
                out.write("</div>\n");
            }
            out.write("</body>\n</html>\n");
        }

        @Override
        public boolean wroteThis(String start) {
            return start.contains("<meta name=\"ocr-system\" content=\"hcr\"/>");
        }
    };

    static final String[] CSV_HEADER = {"file", "line", "word", "index", "code", "char", "x", "y", "w", "h",
        "confidence", "char2", "prob2"};
    /** Built on first use: Jackson's set-up (about 0.3 s of CPU, measured) is wasted on a text or CSV reading. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    public abstract void write(List<PictureReading> pictures, Writer out) throws IOException;

    /** Whether a file beginning with {@code start} (its first kilobytes) is one hcr wrote in this format. */
    public abstract boolean wroteThis(String start);

    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static void box(ObjectNode node, Box box) {
        node.putObject("box").put("x", box.x()).put("y", box.y()).put("w", box.width()).put("h", box.height());
    }

    private static String probability(float p) {
        return String.format(Locale.ROOT, "%.4f", p);
    }

    private static String bbox(Box b) {
        return String.format(Locale.ROOT, "bbox %d %d %d %d", b.x(), b.y(), b.right(), b.bottom());
    }

    private static String quoted(String name) {
        return "&quot;" + escape(name).replace("\"", "&quot;") + "&quot;";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
