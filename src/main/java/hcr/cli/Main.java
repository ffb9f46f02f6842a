package hcr.cli;

import hcr.HcrException;
import hcr.runtime.UnknownBackendException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcr} root command. */
@Command(name = "hcr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Recognises handwritten characters (EMNIST ByClass: 0-9, A-Z, a-z).",
        subcommands = {
                InferCommand.class,
                ServeCommand.class,
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
        if (e instanceof UnknownBackendException) {
            // A misspelt --backend is a usage error in every command, whenever it is noticed.
            cl.getErr().println("hcr: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof HcrException) {
            cl.getErr().println("hcr: " + e.getMessage());
        } else {
            cl.getErr().println("hcr: internal error: " + e);
            e.printStackTrace(cl.getErr());
        }
        return ExitCode.FAILURE;
    }

    public static void main(String[] args) {
        System.exit(run(commandLine(), args));
    }

    /**
     * Runs a command line; a failed write to standard output (a full disk, {@code > /dev/full})
     * turns success into failure, as for any Unix tool, and running out of memory is a message.
     */
    static int run(CommandLine cl, String... args) {
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("hcr: out of memory (" + e.getMessage() + "): use smaller --batch-size or --threads,"
                    + " or give Java more with HCR_JAVA_OPTS=-Xmx4g");
            cl.getErr().flush();
            return ExitCode.FAILURE;
        }
        if (cl.getOut().checkError() | System.out.checkError()) {
            cl.getErr().println("hcr: cannot write to standard output");
            cl.getErr().flush();
            return code == ExitCode.USAGE ? code : ExitCode.FAILURE;
        }
        return code;
    }
}
