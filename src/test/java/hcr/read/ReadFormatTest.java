package hcr.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import hcr.recognise.Candidate;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadFormatTest {
    private static final List<PictureReading> PICTURES = List.of(new PictureReading("form <1>.png", 200, 60,
            new Reading(List.of(new TextLine(List.of(
                    new Word(List.of(character("S", 10, 0.9f, "5", 0.08f), character("W", 40, 0.8f, "V", 0.1f))),
                    new Word(List.of(character("1", 120, 0.99f, "7", 0.01f)))))))));

    private static ReadCharacter character(String c, int x, float p, String second, float q) {
        return new ReadCharacter(new Box(x, 5, 25, 30), List.of(new Candidate(c, p), new Candidate(second, q)));
    }

    private static String written(ReadFormat format) throws IOException {
        StringWriter out = new StringWriter();
        format.write(PICTURES, out);
        return out.toString();
    }

    @Test
    void textIsOneLinePerLineOfTextWithWordsSpaced() throws IOException {
        assertThat(written(ReadFormat.TEXT)).isEqualTo("form <1>.png: SW 1\n");
    }

    @Test
    void csvHasARowPerCharacterWithBoxConfidenceAndSecondChoice() throws IOException {
        String[] rows = written(ReadFormat.CSV).split("\r\n");
        assertThat(rows[0]).isEqualTo("file,line,word,index,code,char,x,y,w,h,confidence,char2,prob2");
        assertThat(rows).hasSize(4);
        assertThat(rows[1]).isEqualTo("form <1>.png,1,1,1,83,S,10,5,25,30,0.9000,5,0.0800");
        assertThat(rows[3]).isEqualTo("form <1>.png,1,2,1,49,1,120,5,25,30,0.9900,7,0.0100");
    }

    @Test
    void jsonNestsLinesWordsAndCharacters() throws IOException {
        JsonNode root = new ObjectMapper().readTree(written(ReadFormat.JSON));
        JsonNode word = root.at("/pictures/0/lines/0/words/0");
        assertThat(root.at("/pictures/0/text").asText()).isEqualTo("SW 1");
        assertThat(word.at("/text").asText()).isEqualTo("SW");
        assertThat(word.at("/confidence").asDouble()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(word.at("/box/w").asInt()).isEqualTo(55);
        assertThat(word.at("/characters/1/candidates/1/char").asText()).isEqualTo("V");
    }

    @Test
    void hocrHasTesseractsWordAndCharacterSpansWithEscapedNames() throws IOException {
        String hocr = written(ReadFormat.HOCR);
        assertThat(hocr).contains("title=\"image &quot;form &lt;1&gt;.png&quot;; bbox 0 0 200 60; ppageno 0\"");
        assertThat(hocr).contains("<span class=\"ocrx_word\" id=\"word_1_1\" title=\"bbox 10 5 65 35; x_wconf 80\">");
        assertThat(hocr).contains("<span class=\"ocrx_cinfo\" title=\"x_bboxes 10 5 35 35; x_conf 90.0\">S</span>");
    }

    @Test
    void eachFormatKnowsItsOwnFilesAndNoOneElses() throws IOException {
        for (ReadFormat format : List.of(ReadFormat.JSON, ReadFormat.CSV, ReadFormat.HOCR)) {
            assertThat(format.wroteThis(written(format))).as(format.token()).isTrue();
            assertThat(format.wroteThis("my thesis\n")).as(format.token()).isFalse();
        }
        assertThat(ReadFormat.TEXT.wroteThis(written(ReadFormat.TEXT))).isFalse();
    }
}
