package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hcr serve} as a command: its usage errors, a busy port, and a real process answering then stopping on SIGTERM. */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("hcr: serving (http://127\\.0\\.0\\.1:\\d+/) \\(onnx, .*\\), ready in \\d+\\.\\d\\d s");

    @TempDir
    Path logs;

    private static int run(StringWriter err, String... args) {
        picocli.CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(run(new StringWriter(), "serve", "--port", "70000")).isEqualTo(ExitCode.USAGE);
        assertThat(run(new StringWriter(), "serve", "--concurrency", "0")).isEqualTo(ExitCode.USAGE);
        StringWriter charset = new StringWriter();
        assertThat(run(charset, "serve", "--charset", "0-")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aPortInUseFailsWithAMessageAndNoStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();

            int code = run(err, "serve", "--port", Integer.toString(taken.getLocalPort()), "--model", "onnx/hcr.onnx");

            assertThat(code).isEqualTo(ExitCode.FAILURE);
            assertThat(err.toString()).contains("hcr: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void aServerProcessAnswersTheReadmesCurlThenDrainsAndExitsOnSigterm() throws Exception {
        Path err = logs.resolve("serve.err");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "hcr.cli.Main",
                "serve", "--port", "0", "--model", "onnx/hcr.onnx")
                .redirectError(err.toFile()).redirectOutput(logs.resolve("serve.out").toFile()).start();
        try {
            URI uri = awaitServing(serve, err);
            HttpClient client = HttpClient.newHttpClient();

            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri.resolve("/predictions/hcr"))
                    .POST(HttpRequest.BodyPublishers.ofFile(Path.of("tools/samples/letter_A.jpg"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            serve.destroy(); // SIGTERM

            assertThat(answer.body()).contains("\"char\":\"A\"");
            assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).isEqualTo(143);
            assertThat(Files.readString(err)).doesNotContain("Exception");
        } finally {
            serve.destroyForcibly();
        }
    }

    private static URI awaitServing(Process serve, Path err) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() - end < 0) {
            Matcher m = SERVING.matcher(Files.exists(err) ? Files.readString(err) : "");
            if (m.find()) {
                return URI.create(m.group(1));
            }
            assertThat(serve.isAlive()).as("hcr serve is running; stderr: %s", Files.exists(err) ? Files.readString(err) : "")
                    .isTrue();
            Thread.sleep(20);
        }
        throw new AssertionError("hcr serve did not say it was serving: " + List.of(Files.readString(err)));
    }
}
