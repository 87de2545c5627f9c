package flags.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a temporary file: hidden (so a glob for {@code *.gif} never sees it), and naming the process that
 * writes it, {@code .br-4242-l2x9k1-q8z3.part} (code, pid, the process's start time, a random part), so that a
 * later run can tell a file abandoned by a killed process from one another live process is still writing.
 */
record TempName(String cc, long pid, long startMillis, String nonce) {
    private static final Pattern FORMAT =
            Pattern.compile("\\.([a-z]{2})-(\\d{1,19})-([0-9a-z]{1,13})-([0-9a-z]{1,13})\\.part");

    /** A new name for {@code cc}, owned by this process. */
    static TempName forThisProcess(String cc) {
        return new TempName(
                cc.toLowerCase(Locale.ROOT),
                ThisProcess.PID,
                ThisProcess.START_MILLIS,
                Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36));
    }

    /** Read once: {@code ProcessHandle.info()} reads two files of /proc each time, and every download names a file. */
    private static final class ThisProcess {
        static final long PID = ProcessHandle.current().pid();
        static final long START_MILLIS = startMillis(ProcessHandle.current());
    }

    String fileName() {
        return "." + cc + "-" + pid + "-" + Long.toString(startMillis, 36) + "-" + nonce + ".part";
    }

    static Optional<TempName> parse(String fileName) {
        Matcher m = FORMAT.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new TempName(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3), 36), m.group(4)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process that named this file is provably gone: no process has its pid, or the one that has it
     * started at another time (the pid was reused). A file of a live process is never abandoned.
     */
    boolean abandoned() {
        Optional<ProcessHandle> owner = ProcessHandle.of(pid);
        if (owner.isEmpty() || !owner.get().isAlive()) {
            return true;
        }
        long started = startMillis(owner.get());
        return started != 0 && startMillis != 0 && started != startMillis;
    }

    private static long startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }
}
