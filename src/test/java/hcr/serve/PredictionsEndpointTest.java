package hcr.serve;

import static hcr.serve.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /predictions/hcr}: pictures as raw bodies or multipart fields, answered as JSON or CSV. */
class PredictionsEndpointTest {
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.ready();
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    @Test
    void aRawJpegBodyIsRecognisedWithItsTopFiveCandidates() throws Exception {
        HttpResponse<String> response = http.post("/predictions/hcr", "image/jpeg", TestServer.sample("letter_A.jpg"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode answer = json(response).get(0);
        assertThat(answer.get("name").asText()).isEqualTo("body");
        assertThat(answer.get("char").asText()).isEqualTo("A");
        assertThat(answer.get("code").asText()).isEqualTo("065");
        assertThat(answer.get("probability").asDouble()).isBetween(0.5, 1.0);
        assertThat(answer.get("top")).hasSize(5);
        assertThat(answer.get("top").get(0).get("char").asText()).isEqualTo("A");
    }

    @Test
    void twoLettersWrittenApartAreAnsweredWithANote() throws Exception {
        java.awt.image.BufferedImage pair = new java.awt.image.BufferedImage(240, 120, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = pair.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 240, 120);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(8));
        g.drawLine(40, 30, 60, 90);
        g.drawLine(160, 30, 180, 90);
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(pair, "png", png);

        JsonNode answer = json(http.post("/predictions/hcr", "image/png", png.toByteArray())).get(0);

        assertThat(answer.get("char")).isNotNull();
        assertThat(answer.get("note").asText()).isEqualTo("looks like 2 characters side by side: hcr read reads them");
        assertThat(json(http.post("/predictions/hcr", "image/jpeg", TestServer.sample("letter_A.jpg"))).get(0).has("note")).isFalse();
    }

    @Test
    void curlsDefaultFormTypeAndNoTypeAtAllAreTakenAsThePicture() throws Exception {
        byte[] picture = TestServer.sample("letter_A.jpg");
        assertThat(json(http.post("/predictions/hcr", "application/x-www-form-urlencoded", picture)).get(0).get("char").asText())
                .isEqualTo("A");
        assertThat(json(http.post("/predictions/hcr", null, picture)).get(0).get("char").asText()).isEqualTo("A");
    }

    @Test
    void severalMultipartFilesAreAnsweredInOrderUnderTheirFileNames() throws Exception {
        byte[] body = new Multipart()
                .file("file", "letter_B.png", TestServer.sample("letter_B.png"))
                .file("file", "number_3.png", TestServer.sample("number_3.png"))
                .file("file", "letter_X.png", TestServer.sample("letter_X.png"))
                .bytes();

        HttpResponse<String> response = http.post("/predictions/hcr", Multipart.CONTENT_TYPE, body);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode answers = json(response);
        assertThat(answers).hasSize(3);
        assertThat(answers.findValuesAsText("name")).containsExactly("letter_B.png", "number_3.png", "letter_X.png");
        assertThat(answers.get(0).get("char").asText()).isEqualTo("B");
        assertThat(answers.get(1).get("char").asText()).isEqualTo("3");
        assertThat(answers.get(2).get("char").asText()).isEqualTo("X");
    }

    @Test
    void aBadPictureAmongGoodOnesGetsItsOwnErrorAndTheOthersAreStillRecognised() throws Exception {
        byte[] body = new Multipart()
                .file("file", "letter_B.png", TestServer.sample("letter_B.png"))
                .file("file", "notes.txt", "not a picture".getBytes())
                .bytes();

        JsonNode answers = json(http.post("/predictions/hcr", Multipart.CONTENT_TYPE, body));

        assertThat(answers.get(0).get("char").asText()).isEqualTo("B");
        assertThat(answers.get(1).get("name").asText()).isEqualTo("notes.txt");
        assertThat(answers.get(1).get("error").asText()).contains("not an image");
        assertThat(answers.get(1).has("char")).isFalse();
    }

    @Test
    void acceptTextCsvAnswersTheLinesOfHcrInfer() {
        byte[] body = new Multipart()
                .file("file", "letter_B.png", TestServer.sample("letter_B.png"))
                .file("file", "bad.png", new byte[] {1, 2, 3})
                .file("file", "number_3.png", TestServer.sample("number_3.png"))
                .bytes();

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri("/predictions/hcr"))
                .header("Content-Type", Multipart.CONTENT_TYPE).header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(response.body().split("\n")).hasSize(3);
        assertThat(response.body()).startsWith("066, B, letter_B.png\nerror, ").endsWith(", bad.png\n051, 3, number_3.png\n");
    }

    @Test
    void theCharsetRestrictsTheAnswerAndTopCutsTheCandidates() throws Exception {
        JsonNode answer = json(http.post("/predictions/hcr?charset=digits&top=2", "image/png", TestServer.sample("letter_B.png"))).get(0);

        assertThat(answer.get("char").asText()).matches("[0-9]");
        assertThat(answer.get("top")).hasSize(2);
        assertThat(answer.get("top").get(0).get("probability").asDouble() + answer.get("top").get(1).get("probability").asDouble())
                .isLessThanOrEqualTo(1.0001);
    }

    @Test
    void tensorOneAddsThe784ValuesTheModelSaw() throws Exception {
        JsonNode tensor = json(http.post("/predictions/hcr?tensor=1", "image/jpeg", TestServer.sample("letter_A.jpg"))).get(0).get("tensor");

        assertThat(tensor).hasSize(784);
        double max = 0;
        for (JsonNode v : tensor) {
            assertThat(v.asDouble()).isBetween(0.0, 1.0);
            max = Math.max(max, v.asDouble());
        }
        assertThat(max).as("ink is light on dark").isGreaterThan(0.5);
    }

    @Test
    void anUndecodableBodyIs400WithTheReasonAndNoStackTrace() throws Exception {
        HttpResponse<String> response = http.post("/predictions/hcr", "image/png", "<html>".getBytes());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("not an image (unrecognised content)");
        assertThat(response.body()).doesNotContain("Exception", "at hcr.");
    }

    @Test
    void anEmptyBodyAndEmptyMultipartAre400() throws Exception {
        assertThat(json(http.post("/predictions/hcr", "image/png", new byte[0])).get("error").asText()).startsWith("empty body");
        HttpResponse<String> noParts = http.post("/predictions/hcr", Multipart.CONTENT_TYPE, new Multipart().bytes());
        assertThat(noParts.statusCode()).isEqualTo(400);
        assertThat(json(noParts).get("error").asText()).contains("no parts");
    }

    @Test
    void badQueryValuesAre400NamingTheParameter() throws Exception {
        HttpResponse<String> top = http.post("/predictions/hcr?top=0", "image/png", TestServer.sample("letter_B.png"));
        HttpResponse<String> charset = http.post("/predictions/hcr?charset=%C3%A9", "image/png", TestServer.sample("letter_B.png"));

        assertThat(top.statusCode()).isEqualTo(400);
        assertThat(json(top).get("error").asText()).startsWith("top must be");
        assertThat(charset.statusCode()).isEqualTo(400);
        assertThat(json(charset).get("error").asText()).startsWith("charset:").contains("does not know");
    }

    @Test
    void aTextBodyIs415() throws Exception {
        HttpResponse<String> response = http.post("/predictions/hcr", "text/plain", "A".getBytes());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).get("error").asText()).contains("text/plain");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        byte[] tooBig = new byte[(int) ServeSettings.DEFAULT_MAX_BODY + 1];

        HttpResponse<String> declared = http.post("/predictions/hcr", "image/png", tooBig);
        HttpResponse<String> streamed = http.send(HttpRequest.newBuilder(http.uri("/predictions/hcr"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tooBig))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(json(declared).get("error").asText()).contains("too large");
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(json(streamed).get("error").asText()).contains("larger than 4194304 bytes");
        // the rest of the body is not read, so neither connection can be kept: both answers say so
        assertThat(declared.headers().firstValue("Connection")).hasValue("close");
        assertThat(streamed.headers().firstValue("Connection")).hasValue("close");
    }

    @Test
    void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
        HttpResponse<String> missing = http.get("/predictions/other");
        HttpResponse<String> wrongMethod = http.get("/predictions/hcr");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).contains("/predictions/other");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    }
}
