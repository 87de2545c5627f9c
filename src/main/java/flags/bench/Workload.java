package flags.bench;

import java.time.Duration;
import java.util.stream.Collectors;

/**
 * What every strategy downloads and where it runs: from which server, how many codes, and, for the embedded server
 * only, the delay and jitter each answer waits (null for another server, whose timing is unknown); the CPU work
 * after each download, and the cores and JVM it all ran on.
 *
 * @param requestsPerCode 1, or 2 with {@code --names} (flag, then metadata, one after the other)
 */
public record Workload(
        String server,
        Duration delay,
        Duration jitter,
        int codes,
        int requestsPerCode,
        Duration cpuWork,
        int cores,
        String jvm) {
    public Workload {
        if ((delay == null) != (jitter == null)) {
            throw new IllegalArgumentException("delay and jitter are both known or both unknown");
        }
        if (codes < 0 || requestsPerCode < 1 || cores < 1 || cpuWork.isNegative()) {
            throw new IllegalArgumentException("codes " + codes + ", requests per code " + requestsPerCode + ", cores "
                    + cores + ", CPU work " + cpuWork);
        }
    }

    /** No CPU work, on this machine's cores and JVM. */
    public Workload(String server, Duration delay, Duration jitter, int codes, int requestsPerCode) {
        this(
                server,
                delay,
                jitter,
                codes,
                requestsPerCode,
                Duration.ZERO,
                Runtime.getRuntime().availableProcessors(),
                thisJvm());
    }

    /** The same workload with this much CPU work per code. */
    public Workload withCpuWork(Duration perCode) {
        return new Workload(server, delay, jitter, codes, requestsPerCode, perCode, cores, jvm);
    }

    /** The same workload on {@code n} cores: what the ideal would be elsewhere. */
    public Workload withCores(int n) {
        return new Workload(server, delay, jitter, codes, requestsPerCode, cpuWork, n, jvm);
    }

    /** "Java 17.0.15 (Debian)": the version and who built it. */
    public static String thisJvm() {
        String version =
                Runtime.version().version().stream().map(String::valueOf).collect(Collectors.joining("."));
        String vendor = System.getProperty("java.vendor", "").strip();
        return "Java " + version + (vendor.isEmpty() ? "" : " (" + vendor + ")");
    }
}
