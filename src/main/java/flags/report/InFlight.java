package flags.report;

import flags.download.DownloadResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The largest number of requests that overlapped in time: the concurrency a batch really achieved. */
public final class InFlight {
    private InFlight() {}

    public static int max(Collection<DownloadResult> results) {
        // Sweep line: +1 at each start, -1 at each end; an end sorts before a start at the same instant,
        // so back-to-back requests (seq) do not count as overlapping.
        List<long[]> events = new ArrayList<>(results.size() * 2);
        for (DownloadResult r : results) {
            events.add(new long[] {r.started().toNanos(), +1});
            events.add(new long[] {r.ended().toNanos(), -1});
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
