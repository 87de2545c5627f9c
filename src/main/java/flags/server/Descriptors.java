package flags.server;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The file-descriptor limit of this process and how many descriptors it has open, read when a server starts,
 * and the number of connections that leaves room for.
 *
 * @param limit the soft limit ({@code ulimit -n}); empty when this system has none or does not say
 * @param open  descriptors open when it was read
 */
record Descriptors(OptionalLong limit, long open) {

    /**
     * Kept free for everything that is not a connection: files read for answers (one per pool thread at
     * most), the listening socket, selectors, the jar, logs, and whatever the JVM opens lazily.
     */
    static final int RESERVE = 128;

    /** Linux first: reading {@code /proc} costs ~1 ms, the management bean ~35 ms of class loading. */
    static Descriptors ofThisProcess() {
        try {
            return fromProc(Files.readAllLines(Path.of("/proc/self/limits")), openInProc());
        } catch (IOException | RuntimeException notLinux) {
            return fromManagementBean();
        }
    }

    /** From the lines of {@code /proc/self/limits}, e.g. {@code Max open files  1024  4096  files}. */
    static Descriptors fromProc(List<String> limits, long open) {
        for (String line : limits) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return new Descriptors(
                        soft.equals("unlimited") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(soft)), open);
            }
        }
        throw new IllegalArgumentException("no 'Max open files' line");
    }

    private static long openInProc() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count() - 1; // the listing's own descriptor
        }
    }

    private static Descriptors fromManagementBean() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix) {
            return new Descriptors(
                    OptionalLong.of(unix.getMaxFileDescriptorCount()), unix.getOpenFileDescriptorCount());
        }
        return new Descriptors(OptionalLong.empty(), 0);
    }

    /**
     * The most connections to hold at once: the descriptors still free, less {@link #RESERVE} (or half of
     * them when fewer than twice that are free), never below one; empty when there is no limit.
     */
    OptionalInt connectionCap() {
        if (limit.isEmpty()) {
            return OptionalInt.empty();
        }
        long free = Math.max(0, limit.getAsLong() - open);
        return OptionalInt.of((int) Math.min(Integer.MAX_VALUE, Math.max(1, free - Math.min(RESERVE, free / 2))));
    }
}
