package flags.cli;

import java.io.PrintWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Last line of defence: an unexpected failure is one line on stderr (the trace only in debug logs), never a stack
 * trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof UsageException u) {
            return new UsageErrorHandler()
                    .handleParseException(
                            new CommandLine.ParameterException(cmd, u.getMessage()),
                            parseResult.originalArgs().toArray(String[]::new));
        }
        LoggerFactory.getLogger(FailureHandler.class).debug("command failed", ex);
        PrintWriter err = cmd.getErr();
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        err.println(cmd.getCommandSpec().qualifiedName() + ": error: " + message);
        err.flush();
        return ExitCodes.ERRORS;
    }
}
