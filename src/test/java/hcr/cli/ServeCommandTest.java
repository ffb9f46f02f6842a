package hcr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** {@code hcr serve} as a command: its usage errors and a busy port (serving itself: hcr.serve tests). */
class ServeCommandTest {
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
}
