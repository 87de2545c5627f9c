package flags.cli;

/** The exit statuses of SPEC §2, in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int ERRORS = 1;
    public static final int USAGE = 2;
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
