package flags.testing;

import flags.cli.FlagsCommand;

/**
 * Runs one command in this JVM and returns from {@code main} without {@code System.exit}, as a program using
 * {@code flags} as a library would: the JVM then ends only when no thread of ours keeps it alive.
 */
public final class ExecuteAndReturn {
    private ExecuteAndReturn() {}

    public static void main(String[] args) {
        int exit = FlagsCommand.newCommandLine(args).execute(args);
        System.err.println("returned " + exit);
    }
}
