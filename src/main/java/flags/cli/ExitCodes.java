package flags.cli;

/** The exit statuses, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;
    /** Standard output was closed (a pipe into {@code head}): 128 + SIGPIPE, as a Unix tool killed by it exits. */
    public static final int STDOUT_CLOSED = 141;

    private ExitCodes() {}
}
