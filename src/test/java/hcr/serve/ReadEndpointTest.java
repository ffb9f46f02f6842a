package hcr.serve;

import static hcr.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hcr.image.ImageDecoder;
import hcr.recognise.EmnistTranslator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /read}: a field of handwriting in, what {@code hcr read} reads out, as JSON or CSV. */
class ReadEndpointTest {
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.ready();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    /** A 7, a 1 and an L drawn with a 12 px pen, side by side on white paper. */
    static byte[] sevenOneL() {
        BufferedImage picture = new BufferedImage(420, 160, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 420, 160);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(12, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
        g.drawLine(30, 30, 110, 30);
        g.drawLine(110, 30, 60, 130);
        g.drawLine(180, 30, 180, 130);
        g.drawLine(250, 30, 250, 130);
        g.drawLine(250, 130, 320, 130);
        g.dispose();
        return png(picture);
    }

    static byte[] blank() {
        BufferedImage picture = new BufferedImage(200, 80, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 80);
        g.dispose();
        return png(picture);
    }

    private static byte[] png(BufferedImage picture) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(picture, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aRawPictureOfAFieldIsReadAsHcrReadsItWithBoxesAndCandidates() throws Exception {
        HttpResponse<String> response = http.post("/read?name=field.png", "image/png", sevenOneL());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = json(response);
        assertThat(answer.get("hcr").asText()).isEqualTo("read");
        JsonNode picture = answer.get("pictures").get(0);
        assertThat(picture.get("file").asText()).isEqualTo("field.png");
        assertThat(picture.get("width").asInt()).isEqualTo(420);
        assertThat(picture.get("text").asText()).isEqualTo("71L");
        JsonNode characters = picture.get("lines").get(0).get("words").get(0).get("characters");
        assertThat(characters).hasSize(3);
        assertThat(characters.get(0).get("box").get("x").asInt()).isLessThan(characters.get(1).get("box").get("x").asInt());
        assertThat(characters.get(0).get("candidates")).hasSize(ReadEndpoint.DEFAULT_TOP);
    }

    @Test
    void aCharsetRestrictsTheFieldAsOnTheCommandLine() throws Exception {
        JsonNode picture = json(http.post("/read?charset=digits&top=1", "image/png", sevenOneL())).get("pictures").get(0);

        assertThat(picture.get("text").asText()).isEqualTo("711");
        assertThat(picture.findValues("candidates")).allSatisfy(c -> assertThat(c).hasSize(1));
    }

    @Test
    void csvIsTheReadCsvOneRowPerCharacter() {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/read"))
                .header("Content-Type", "image/png").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sevenOneL())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] rows = response.body().split("\r\n");
        assertThat(rows[0]).isEqualTo("file,line,word,index,code,char,x,y,w,h,confidence,char2,prob2");
        assertThat(rows).hasSize(4);
        assertThat(rows[1]).startsWith("body,1,1,1,55,7,");
        assertThat(rows[3]).startsWith("body,1,1,3,76,L,");
    }

    @Test
    void severalMultipartPicturesAreReadInOrderAndABlankOneIsAnEmptyField() throws Exception {
        byte[] body = new Multipart()
                .file("file", "serial.png", sevenOneL())
                .file("file", "empty-box.png", blank())
                .bytes();

        JsonNode pictures = json(http.post("/read", Multipart.CONTENT_TYPE, body)).get("pictures");

        assertThat(pictures.findValuesAsText("file")).containsExactly("serial.png", "empty-box.png");
        assertThat(pictures.get(0).get("text").asText()).isEqualTo("71L");
        assertThat(pictures.get(1).get("text").asText()).isEmpty();
        assertThat(pictures.get(1).get("lines")).isEmpty();
    }

    @Test
    void anUndecodablePictureFailsTheRequestNamingIt() throws Exception {
        byte[] body = new Multipart()
                .file("file", "serial.png", sevenOneL())
                .file("file", "notes.txt", "not a picture".getBytes())
                .bytes();

        HttpResponse<String> response = http.post("/read", Multipart.CONTENT_TYPE, body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).startsWith("notes.txt: ").contains("not an image");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void theOtherUploadRulesHoldAsFor_predictions() {
        assertThat(http.post("/read", "text/plain", "71L".getBytes()).statusCode()).isEqualTo(415);
        assertThat(http.post("/read", "image/png", new byte[0]).statusCode()).isEqualTo(400);
        assertThat(http.post("/read?top=0", "image/png", sevenOneL()).statusCode()).isEqualTo(400);
        assertThat(http.post("/read?charset=%E2%82%AC", "image/png", sevenOneL()).statusCode()).isEqualTo(400);
    }

    @Test
    void theServersPixelLimitHoldsForReadsToo() throws Exception {
        ImageDecoder small = new ImageDecoder(10_000);
        try (TestServer limited = TestServer.ready(TestServer.settings(),
                () -> TestServer.model(new EmnistTranslator(small), small))) {
            HttpResponse<String> response = limited.post("/read", "image/png", sevenOneL());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").asText()).startsWith("body: ").contains("too many pixels");
        }
    }

    @Test
    void readsAreCountedInTheMetrics() {
        http.post("/read", "image/png", sevenOneL());

        assertThat(http.get("/metrics").body()).containsPattern("hcr_http_requests_total\\{endpoint=\"/read\",status=\"200\"} [1-9]");
    }
}
