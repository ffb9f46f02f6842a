package hcr.cli;

import hcr.engine.EchoBackend;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@code hcr infer} in-process on the test echo backend, writing what a user would see to {@code out} and {@code err}. */
final class EchoInfer {
    private EchoInfer() {
    }

    static int run(StringWriter out, StringWriter err, Path model, List<String> options, String... more) {
        List<String> args = new ArrayList<>(List.of("infer", "--backend", EchoBackend.NAME, "--model", model.toString()));
        args.addAll(options);
        args.addAll(Arrays.asList(more));
        return Main.commandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }
}
