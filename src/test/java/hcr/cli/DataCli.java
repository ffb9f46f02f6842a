package hcr.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code hcr data ...} in-process and captures what a user would see. */
record DataCli(int exitCode, String out, String err) {
    static DataCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] full = new String[args.length + 1];
        full[0] = "data";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = cl.execute(full);
        return new DataCli(code, out.toString(), err.toString());
    }
}
