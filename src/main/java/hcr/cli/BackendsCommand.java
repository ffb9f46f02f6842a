package hcr.cli;

import hcr.runtime.Backend;
import hcr.runtime.Backends;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the scoring backends on the class path and whether their default model is present. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "Lists the scoring backends (for --backend) and their default models.")
public final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = HcrHome.locate();
        List<Backend> backends = Backends.available();
        if (backends.isEmpty()) {
            out.println("no backends on the class path");
            return ExitCode.FAILURE;
        }
        for (Backend backend : backends) {
            Path model = backend.defaultModel(home);
            out.printf("%-6s %s%n", backend.name(), backend.description());
            out.printf("%-6s default model: %s (%s)%n", "", model, Files.exists(model) ? "present" : "missing");
        }
        out.flush();
        return ExitCode.OK;
    }
}
