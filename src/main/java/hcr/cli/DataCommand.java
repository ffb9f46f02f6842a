package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class DataCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("data is not built yet");
    }
}
