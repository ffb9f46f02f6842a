package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class EvaluateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("evaluate is not built yet");
    }
}
