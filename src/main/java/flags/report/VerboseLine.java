package flags.report;

import flags.download.DownloadResult;

/** {@code -v}: one line per code as it completes, in the words of the flags2 scripts, saying what was tried. */
public final class VerboseLine {
    private VerboseLine() {}

    public static String of(DownloadResult r) {
        String after = r.retried() ? " after " + r.attempts() + " attempts" : "";
        String where = r.url() == null ? "" : " (" + r.url() + ")";
        return switch (r.status()) {
            case OK -> r.cc() + " OK" + after;
            case NOT_FOUND -> r.cc() + " not found: " + r.url();
            case ERROR -> r.cc() + " error" + after + ": " + r.error() + where;
            case NOT_DONE -> r.cc() + " not done (interrupted)";
        };
    }

    /** The one line for the codes a stopped batch never started, however many they are. */
    public static String notStarted(long count) {
        return count + (count == 1 ? " code" : " codes") + " not started (interrupted)";
    }
}
