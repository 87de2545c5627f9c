package flags.cli;

import flags.text.Quote;
import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error is one line naming the problem plus a hint, like curl and git, not the whole help page. Every
 * message has one form, {@code flags seq: --timeout: expected seconds > 0, got '0'}, typos get picocli's "did you
 * mean", and whatever the user typed is shown escaped and cut, never as raw control characters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private static final int MAX_MESSAGE = 240;
    private static final Pattern INVALID = Pattern.compile("(?s)Invalid value for "
            + "(?:option|positional parameter at index [0-9.*]+ \\((.+?)\\)) ?'?([^']*?)'?(?: \\([A-Z|]+\\))?: (.*)");
    private static final Pattern SUBCOMMAND = Pattern.compile("(?s)Unknown subcommand '(.*)'\\.?");
    private static final Pattern NOT_A = Pattern.compile("(?s)'(.*)' is not an? (int|long|integer|double|float)");
    private static final Pattern ENUM =
            Pattern.compile("(?s)expected one of \\[(.*)\\] \\(case-insensitive\\) but was '(.*)'");
    private static final Pattern MISSING =
            Pattern.compile("(?s)Missing required parameter for option '(.+?)' \\((.*)\\)");

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + Quote.message(describe(ex), MAX_MESSAGE));
        err.println("Try '" + name + " --help' for more information.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u) {
            return unmatched(u);
        }
        String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage();
        Matcher invalid = INVALID.matcher(message);
        if (invalid.matches()) {
            String option = invalid.group(1) != null ? invalid.group(1) : invalid.group(2);
            return option + ": " + expected(invalid.group(3));
        }
        Matcher subcommand = SUBCOMMAND.matcher(message);
        if (subcommand.matches()) {
            return "unknown command " + Quote.of(subcommand.group(1));
        }
        Matcher missing = MISSING.matcher(message);
        if (missing.matches()) {
            return missing.group(1) + ": needs a value (" + missing.group(2) + ")";
        }
        return message;
    }

    private static String unmatched(UnmatchedArgumentException u) {
        List<String> unmatched = u.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        boolean option = u.isUnknownOption();
        boolean root = u.getCommandLine().getParent() == null;
        String what = option ? "unknown option " : root ? "unknown command " : "unexpected argument ";
        List<String> suggestions = u.getSuggestions();
        String mean = suggestions.isEmpty()
                ? ""
                : "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))
                        + "?";
        return what + Quote.of(first) + mean;
    }

    /** picocli's own conversion messages in our form: "expected ..., got '...'". */
    private static String expected(String reason) {
        Matcher notA = NOT_A.matcher(reason);
        if (notA.matches()) {
            String kind =
                    notA.group(2).startsWith("d") || notA.group(2).startsWith("f") ? "a number" : "a whole number";
            return "expected " + kind + ", got " + Quote.of(notA.group(1));
        }
        Matcher oneOf = ENUM.matcher(reason);
        if (oneOf.matches()) {
            return "expected one of " + oneOf.group(1) + ", got " + Quote.of(oneOf.group(2));
        }
        return reason;
    }
}
