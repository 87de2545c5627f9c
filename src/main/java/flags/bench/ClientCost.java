package flags.bench;

import java.time.Duration;
import java.util.List;

/**
 * What running a strategy cost the client side of the JVM, the embedded server's threads left out: the most platform
 * threads alive at once (the JVM's own housekeeping threads included), the CPU time and the bytes allocated by the
 * client's Java threads (GC and JIT threads are not Java threads), and the most heap in use (the whole JVM's: the
 * heap is shared with the server).
 */
public record ClientCost(int peakThreads, Duration cpu, long allocatedBytes, long peakHeapBytes) {

    /** Several runs as one: the highest peaks, the mean CPU time and allocation per run; null for no run. */
    public static ClientCost perRun(List<ClientCost> runs) {
        if (runs.isEmpty() || runs.contains(null)) {
            return null;
        }
        int threads = runs.stream().mapToInt(ClientCost::peakThreads).max().orElseThrow();
        long heap = runs.stream().mapToLong(ClientCost::peakHeapBytes).max().orElseThrow();
        long cpu = runs.stream().mapToLong(c -> c.cpu().toNanos()).sum() / runs.size();
        long bytes = runs.stream().mapToLong(ClientCost::allocatedBytes).sum() / runs.size();
        return new ClientCost(threads, Duration.ofNanos(cpu), bytes, heap);
    }
}
