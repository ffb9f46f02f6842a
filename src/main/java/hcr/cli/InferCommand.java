package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "infer", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class InferCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("infer is not built yet");
    }
}
