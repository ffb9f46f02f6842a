package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ExportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("export is not built yet");
    }
}
