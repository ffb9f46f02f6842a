package hcr.cli;

import hcr.HcrException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcr} root command. */
@Command(name = "hcr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Recognises handwritten characters (EMNIST ByClass: 0-9, A-Z, a-z).",
        subcommands = {
                InferCommand.class,
                ReadCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                ExportCommand.class,
                DataCommand.class,
                BackendsCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok",
                "1:failure (bad data, missing model, I/O error)",
                "2:usage error",
                "3:finished, but some inputs failed (see the errors file)"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by the launcher, which then lets TensorFlow's native log lines through; declared so every command accepts it. */
    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Show TensorFlow's native log lines (hidden by default).")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        cl.setExitCodeExceptionMapper(t -> t instanceof CommandLine.ParameterException ? ExitCode.USAGE : ExitCode.FAILURE);
        return cl;
    }

    /** User-facing failures print their message; anything else is a bug and shows its stack trace. */
    private static int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof HcrException) {
            cl.getErr().println("hcr: " + e.getMessage());
        } else {
            cl.getErr().println("hcr: internal error: " + e);
            e.printStackTrace(cl.getErr());
        }
        return ExitCode.FAILURE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
