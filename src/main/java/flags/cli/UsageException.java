package flags.cli;

import flags.text.Quote;

/**
 * A usage problem found after parsing (missing input file, output under a file, port in use): exits 2 with one line.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code value} if it is a probability (0 to 1, not NaN), else the usage error naming {@code option}. */
    static double probability(String option, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw badValue(option, "a probability 0..1", value);
        }
        return value;
    }

    /** {@code --max-req: expected 1..1000, got '0'}: the one form of a bad option value. */
    static UsageException badValue(String option, String expected, Object got) {
        return new UsageException(option + ": expected " + expected + ", got " + Quote.of(String.valueOf(got)));
    }
}
