package hcr.cli;

import picocli.CommandLine.Command;
import java.util.concurrent.Callable;

/** Placeholder until its issue lands. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class TrainCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new hcr.HcrException("train is not built yet");
    }
}
