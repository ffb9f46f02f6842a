package hcr.cli;

import hcr.HcrException;
import hcr.StartupTrace;
import hcr.runtime.UnknownBackendException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hcr} root command. */
@Command(name = "hcr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Recognises handwritten characters (EMNIST ByClass: 0-9, A-Z, a-z).",
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

    /**
     * The subcommands, in the order {@code hcr --help} lists them. Built only when needed: picocli
     * reads every option of every command it is given, and some commands' classes pull in heavy
     * libraries (Jackson, for one): the whole tree cost a one-picture run about 0.45 s of CPU, one
     * command 0.15-0.25 s (measured with {@code -Dhcr.startup.trace=true}).
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("infer", InferCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("read", ReadCommand::new);
        all.put("train", TrainCommand::new);
        all.put("evaluate", EvaluateCommand::new);
        all.put("export", ExportCommand::new);
        all.put("data", DataCommand::new);
        all.put("backends", BackendsCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(all);
    }

    /** The whole command tree. */
    public static CommandLine commandLine() {
        return commandLine(SUBCOMMANDS.keySet());
    }

    /**
     * The command tree that {@code args} needs: the root with only the subcommand they name when they
     * start with one (after nothing but {@code --verbose}), the root alone for the version, and the
     * whole tree for anything else (help, a misspelt name that picocli suggests corrections for, an
     * {@code @argument-file}).
     */
    public static CommandLine commandLineFor(String... args) {
        List<String> names = subcommandsFor(args);
        return names == null ? commandLine() : commandLine(names);
    }

    /** The subcommands {@code args} need (none for the version), or null for all of them. */
    static List<String> subcommandsFor(String... args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("-V") || arg.equals("--version")) {
                version = true;
            } else if (!arg.equals("--verbose")) {
                return !version && SUBCOMMANDS.containsKey(arg) && !arg.equals("help") ? List.of(arg) : null;
            }
        }
        return version ? List.of() : null;
    }

    private static CommandLine commandLine(Collection<String> names) {
        CommandLine cl = new CommandLine(new Main());
        // Before the settings below, which apply to the subcommands present.
        names.forEach(name -> cl.addSubcommand(name, SUBCOMMANDS.get(name).get()));
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
        StartupTrace.mark("main");
        CommandLine cl = commandLineFor(args);
        StartupTrace.mark("command line built");
        int code = run(cl, args);
        StartupTrace.mark("exit");
        System.exit(code);
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
