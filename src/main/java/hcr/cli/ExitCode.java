package hcr.cli;

/** hcr's process exit codes (documented in README "Exit codes"). */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The command failed: bad data, missing model, I/O error. Nothing partial was left behind. */
    public static final int FAILURE = 1;
    /** The command line was wrong (unknown option, bad value). */
    public static final int USAGE = 2;
    /** The command finished, but some inputs failed; they are listed in the errors file. */
    public static final int PARTIAL = 3;

    private ExitCode() {
    }
}
