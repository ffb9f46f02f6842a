package hcr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hcr data}: gets EMNIST, shows what is on disk, and renders it as picture files. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Downloads EMNIST, shows what a data source holds, and renders images as picture files.",
        subcommands = {DataDownloadCommand.class, DataInfoCommand.class, DataRenderCommand.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: download, info or render");
    }
}
