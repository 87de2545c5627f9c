package flags.report;

import flags.download.DownloadResult;

/** {@code -v}: one line per code as it completes, in the words of the flags2 scripts. */
public final class VerboseLine {
    private VerboseLine() {}

    public static String of(DownloadResult r) {
        return switch (r.status()) {
            case OK -> r.cc() + " OK";
            case NOT_FOUND -> r.cc() + " not found";
            case ERROR -> r.cc() + " error: " + r.error();
        };
    }
}
