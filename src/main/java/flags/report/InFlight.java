package flags.report;

import flags.Attempt;
import flags.download.DownloadResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The largest number of HTTP requests open at the same time, from each request's own span: a code waiting for
 * its retry, or queued behind {@code -m}, holds no request and does not count.
 */
public final class InFlight {
    private InFlight() {}

    public static int max(Collection<DownloadResult> results) {
        // Sweep line: +1 at each start, -1 at each end; an end sorts before a start at the same instant,
        // so back-to-back requests (seq) do not count as overlapping.
        List<long[]> events = new ArrayList<>();
        for (DownloadResult r : results) {
            for (Attempt a : r.requests()) {
                events.add(new long[] {a.start().toNanos(), +1});
                events.add(new long[] {a.end().toNanos(), -1});
            }
        }
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int now = 0;
        int max = 0;
        for (long[] e : events) {
            now += (int) e[1];
            max = Math.max(max, now);
        }
        return max;
    }
}
