package flags.cli;

/** A usage problem found after parsing (missing input file, output under a file, port in use): exits 2 with one line. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
