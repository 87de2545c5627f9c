package flags.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options every download command shares: which codes, where from, where to, how. */
public final class DownloadMixin {
    /** What {@code -s <TAB>} offers: the labels (any http(s) URL works too). */
    public static final class ServerLabels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("EMBEDDED", "LOCAL", "DELAY", "ERROR", "REMOTE").iterator();
        }
    }

    // The embedded server's, for --delay and --jitter not given (bench runs it without jitter); serve has its own.
    static final Duration DEFAULT_DELAY = Duration.ofMillis(100);
    static final Duration DEFAULT_JITTER = Duration.ofMillis(100);

    @Parameters(
            paramLabel = "CC",
            arity = "0..*",
            description = "Country codes (BR) or single letters (B = BA..BZ); case-insensitive. "
                    + "Default: the 20 most populous countries.")
    List<String> codes = new ArrayList<>();

    @Option(
            names = {"-a", "--all"},
            description = "Every code of the shipped ISO 3166 list (194 codes).")
    boolean all;

    @Option(
            names = {"-e", "--every"},
            description = "Every two-letter code AA..ZZ (676; most are not found).")
    boolean every;

    @Option(
            names = {"-i", "--input"},
            paramLabel = "FILE",
            description = "Codes separated by newlines, spaces or commas ('-' for standard input; blank lines and "
                    + "# comments skipped).")
    Path input;

    @Option(
            names = {"-l", "--limit"},
            paramLabel = "N",
            description = "Keep the first N codes after sorting and removing duplicates.")
    Integer limit;

    @Option(
            names = {"-s", "--server"},
            paramLabel = "LABEL|URL",
            defaultValue = "EMBEDDED",
            completionCandidates = ServerLabels.class,
            description = "EMBEDDED, LOCAL, DELAY, ERROR, REMOTE or an http(s) base URL (default: ${DEFAULT-VALUE}).")
    String server;

    @Mixin
    ServerFaultsMixin faults; // the embedded server's --delay, --jitter, --error-rate and --seed

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            defaultValue = "downloaded",
            description = "Where files go; created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--names", description = "Also fetch metadata.json and save the flag as Country_Name.gif.")
    boolean names;

    @Option(
            names = "--max-bytes",
            paramLabel = "N",
            defaultValue = "10M",
            converter = SizeConverter.class,
            description = "Largest body accepted, in bytes; K, M and G suffixes (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Option(
            names = "--proxy",
            paramLabel = "URL",
            description = "Proxy for every request: http://, socks5:// or socks5h://, optionally with user:pass@ "
                    + "(default: http_proxy, https_proxy, all_proxy as curl reads them; '' for none). "
                    + "Never used for the EMBEDDED server.")
    String proxy;

    @Option(
            names = "--noproxy",
            paramLabel = "LIST",
            description = "Hosts reached without the proxy: comma-separated names (each with its subdomains), "
                    + "addresses, CIDR ranges, or * (default: no_proxy).")
    String noProxy;

    @Option(
            names = {"-m", "--max-req"},
            paramLabel = "N",
            defaultValue = "30",
            description = "Most requests in flight at once, 1..1000 (default: ${DEFAULT-VALUE}; seq always uses 1).")
    int maxReq;

    @Option(
            names = "--timeout",
            paramLabel = "S",
            defaultValue = "10",
            converter = SecondsConverter.Positive.class,
            description = "Limit for one request, connect to last byte, in seconds (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(
            names = "--retries",
            paramLabel = "N",
            defaultValue = "2",
            description = "Retries after an I/O error, a timeout, 408, 429 or 5xx (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(
            names = "--cpu-work",
            paramLabel = "MS",
            defaultValue = "0",
            converter = MillisConverter.class,
            description = "After each download, CPU work on the body worth MS milliseconds of one core (repeated "
                    + "hashing, calibrated at start), counted in the batch: threads use every core for it "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration cpuWork;
}
