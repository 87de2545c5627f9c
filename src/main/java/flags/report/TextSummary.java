package flags.report;

import flags.Seconds;
import flags.download.DownloadResult;
import flags.download.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary, in the shape of Fluent Python's flags2 scripts, saying why failures failed. */
public final class TextSummary {
    private static final int LIST_UP_TO = 10;
    private static final int SHOW_CODES = 5;

    private TextSummary() {}

    /** The lines printed before the batch starts: site (and the proxy, if one is used), codes, connections. */
    public static String header(String siteLabel, String url, String proxy, List<String> codes, int connections) {
        return siteLabel + " site: " + url + (proxy == null ? "" : " via proxy " + proxy) + "\n"
                + searching(codes) + "\n"
                + (connections == 1
                        ? "1 connection will be used."
                        : connections + " concurrent connections will be used.")
                + "\n";
    }

    private static String searching(List<String> codes) {
        String flags = codes.size() + " flag" + (codes.size() == 1 ? "" : "s");
        if (codes.size() <= LIST_UP_TO) {
            return "Searching for " + flags + ": " + String.join(", ", codes);
        }
        return "Searching for " + flags + ": from " + codes.get(0) + " to " + codes.get(codes.size() - 1);
    }

    /** The lines printed when the batch ends, failures explained; {@code -q} gives {@link #counts} only. */
    public static String footer(BatchReport report) {
        return footer(report, true);
    }

    /**
     * The lines printed when the batch ends: counts (zero lines left out); when {@code explain}, the errors grouped
     * by reason, most frequent first, and a hint when nothing was found at all; the elapsed time.
     */
    public static String footer(BatchReport report, boolean explain) {
        StringBuilder out = new StringBuilder("--------------------\n");
        line(out, report.count(Status.OK), "flag downloaded.", "flags downloaded.");
        line(out, report.count(Status.NOT_FOUND), "not found.", "not found.");
        line(out, report.count(Status.ERROR), "error.", "errors.");
        line(out, report.notDone(), "not done (interrupted).", "not done (interrupted).");
        if (explain) {
            errorsByReason(out, report);
            nothingFound(out, report);
        }
        out.append("Elapsed time: ").append(Seconds.fixed(report.elapsed(), 2)).append("s\n");
        return out.toString();
    }

    /** {@code     17 connection refused (127.0.0.1:8000): BD BR CD CN DE (+12)}, like aria2's download results. */
    private static void errorsByReason(StringBuilder out, BatchReport report) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (DownloadResult r : report.results()) {
            if (r.status() == Status.ERROR) {
                byReason.computeIfAbsent(r.error() == null ? "unknown error" : r.error(), k -> new ArrayList<>())
                        .add(r.cc());
            }
        }
        byReason.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<String>> e) ->
                                -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    List<String> codes = e.getValue().stream().sorted().toList();
                    String shown = String.join(" ", codes.subList(0, Math.min(SHOW_CODES, codes.size())));
                    String more = codes.size() > SHOW_CODES ? " (+" + (codes.size() - SHOW_CODES) + ")" : "";
                    out.append(String.format(Locale.ROOT, "    %3d %s: %s%s\n", codes.size(), e.getKey(), shown, more));
                });
    }

    /** Every code not found usually means a base URL without the layout, such as a forgotten {@code /flags}. */
    private static void nothingFound(StringBuilder out, BatchReport report) {
        long requested = report.requested().size();
        if (requested == 0 || report.count(Status.NOT_FOUND) != requested) {
            return;
        }
        String tried = report.results().stream()
                .filter(r -> r.url() != null)
                .min(Comparator.comparing(DownloadResult::cc))
                .map(DownloadResult::url)
                .orElse("the server");
        out.append("Hint: nothing was found, e.g. at ")
                .append(tried)
                .append("; the server must hold BASE/cc/cc.gif under the base URL given with -s\n");
    }

    private static void line(StringBuilder out, long n, String one, String many) {
        if (n > 0) {
            out.append(String.format(Locale.ROOT, "%3d %s\n", n, n == 1 ? one : many));
        }
    }
}
