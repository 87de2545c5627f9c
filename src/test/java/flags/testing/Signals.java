package flags.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A shell that starts a job in the background without job control makes it ignore SIGINT, and a JVM that
 * starts with SIGINT ignored never runs its shutdown hooks on Ctrl-C. Tests that send SIGINT start the
 * process through perl, which restores the default disposition before exec.
 */
public final class Signals {
    private static final Path PERL = Path.of("/usr/bin/perl");

    private Signals() {}

    public static List<String> withDefaultSigint(List<String> command) {
        if (!Files.isExecutable(PERL)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(
                List.of(PERL.toString(), "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\""));
        wrapped.addAll(command);
        return wrapped;
    }
}
