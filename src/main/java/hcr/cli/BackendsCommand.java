package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "backends", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class BackendsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("backends is not built yet");
    }
}
