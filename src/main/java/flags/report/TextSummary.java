package flags.report;

import flags.download.Status;
import java.util.List;
import java.util.Locale;

/** The human summary, in the shape of Fluent Python's flags2 scripts . */
public final class TextSummary {
    private static final int LIST_UP_TO = 10;

    private TextSummary() {}

    /** The lines printed before the batch starts: site (and the proxy, if one is used), codes, connections. */
    public static String header(String siteLabel, String url, String proxy, List<String> codes, int connections) {
        return siteLabel + " site: " + url + (proxy == null ? "" : " via proxy " + proxy) + "\n"
                + searching(codes) + "\n"
                + (connections == 1 ? "1 connection will be used." : connections + " concurrent connections will be used.")
                + "\n";
    }

    private static String searching(List<String> codes) {
        String flags = codes.size() + " flag" + (codes.size() == 1 ? "" : "s");
        if (codes.size() <= LIST_UP_TO) {
            return "Searching for " + flags + ": " + String.join(", ", codes);
        }
        return "Searching for " + flags + ": from " + codes.get(0) + " to " + codes.get(codes.size() - 1);
    }

    /** The lines printed when the batch ends: counts (zero lines left out) and the elapsed time. */
    public static String footer(BatchReport report) {
        StringBuilder out = new StringBuilder("--------------------\n");
        line(out, report.count(Status.OK), "flag downloaded.", "flags downloaded.");
        line(out, report.count(Status.NOT_FOUND), "not found.", "not found.");
        line(out, report.count(Status.ERROR), "error.", "errors.");
        line(out, report.notDone(), "not done (interrupted).", "not done (interrupted).");
        out.append(String.format(Locale.ROOT, "Elapsed time: %.2fs\n", report.elapsed().toNanos() / 1e9));
        return out.toString();
    }

    private static void line(StringBuilder out, long n, String one, String many) {
        if (n > 0) {
            out.append(String.format(Locale.ROOT, "%3d %s\n", n, n == 1 ? one : many));
        }
    }
}
