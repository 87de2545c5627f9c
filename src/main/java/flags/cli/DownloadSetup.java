package flags.cli;

import flags.BatchClock;
import flags.download.CpuWork;
import flags.download.DownloadOptions;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
import flags.http.Proxies;
import flags.http.Transport;
import flags.server.FlagServer;
import flags.server.ServerConfig;
import flags.store.FlagStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * {@link DownloadMixin} checked as a whole, before anything touches the disk or the network: the codes, the
 * site, and the ranges. Shared by the download commands and {@code flags bench}.
 */
final class DownloadSetup {
    static final int MAX_REQ = 1000;

    private final DownloadMixin options;
    private final List<String> codes;
    private final Site site;
    private final Proxies proxies;
    private CpuWork cpuWork;

    private DownloadSetup(DownloadMixin options, List<String> codes, Site site, Proxies proxies) {
        this.options = options;
        this.codes = codes;
        this.site = site;
        this.proxies = proxies;
    }

    /** Every usage check of the download options; throws {@link UsageException} and creates nothing. */
    static DownloadSetup check(DownloadMixin options, InputStream stdin) {
        List<String> codes = CodeSelection.resolve(options, stdin);
        checkRanges(options);
        Site site = checkServer(options);
        OutputDir.check(options.output);
        Proxies proxies;
        try {
            proxies = Proxies.of(options.proxy, options.noProxy, System.getenv()); // a bad value is an error anyway
            if (site.embedded()) {
                proxies = Proxies.none(); // the embedded server is ours, on loopback: never proxied
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new DownloadSetup(options, codes, site, proxies);
    }

    /** Makes {@code -o} ready (created, proved writable); the last check, just before the first output line. */
    void prepareOutput() {
        OutputDir.prepare(options.output);
    }

    /** The proxy requests to {@code url} go through, as the header line shows it; empty when direct. */
    Optional<String> proxyFor(HttpUrl url) {
        return proxies.forUrl(url).map(Proxies.Endpoint::display);
    }

    /** Installs the SOCKS proxy's credentials, if any, until closed. */
    SocksLogin socksLogin() {
        return SocksLogin.install(proxies);
    }

    List<String> codes() {
        return codes;
    }

    Site site() {
        return site;
    }

    /** The embedded server when the site is EMBEDDED (null otherwise), with {@code jitter} unless -jitter says. */
    FlagServer startServer(Duration defaultJitter) throws IOException {
        if (!site.embedded()) {
            return null;
        }
        return FlagServer.start(ServerConfig.embedded(
                delay(), jitter(defaultJitter), options.faults.errorRate(), options.faults.seed()));
    }

    /** Where requests go: the given site, or the embedded server once started. */
    Site siteFor(FlagServer embedded) {
        return embedded == null ? site : site.at(HttpUrl.get(embedded.baseUrl()));
    }

    /** The embedded server's delay as given, or the default; meaningful only when the site is EMBEDDED. */
    Duration delay() {
        return options.faults.delay(DownloadMixin.DEFAULT_DELAY);
    }

    Duration jitter(Duration defaultJitter) {
        return options.faults.jitter(defaultJitter);
    }

    /** A client for one batch saving into {@code store} (the bench gives each run its own directory). */
    FlagClient client(Transport http, HttpUrl base, BatchClock clock, FlagStore store) {
        return new FlagClient(
                http,
                new DownloadOptions(base, options.maxBytes, options.names, cpuWork()),
                store,
                RetryPolicy.standard(options.retries),
                clock);
    }

    /**
     * The {@code --cpu-work} of every code, calibrated on first use (~40 ms), before any batch clock starts,
     * and then shared, so every run and every strategy does the same work.
     */
    CpuWork cpuWork() {
        if (cpuWork == null) {
            cpuWork = CpuWork.calibrated(options.cpuWork);
        }
        return cpuWork;
    }

    Path output() {
        return options.output;
    }

    /**
     * A usage error when the proxies cannot be used by {@code kind}'s client: the JDK's (nio) cannot speak SOCKS.
     * Checked before anything is downloaded or created.
     */
    void checkTransport(String strategy, Transport.Kind kind) {
        if (kind == Transport.Kind.JDK && proxies.anySocks()) {
            throw new UsageException(strategy + " cannot use a SOCKS proxy: the JDK's HTTP client does not speak SOCKS;"
                    + " use an http:// proxy or another strategy");
        }
    }

    /** The shared HTTP client of {@code kind} for {@code concurrency} requests in flight. */
    Transport transport(Transport.Kind kind, int concurrency) {
        return Transport.create(kind, Math.max(1, concurrency), options.timeout, proxies);
    }

    Duration timeout() {
        return options.timeout;
    }

    int maxReq() {
        return options.maxReq;
    }

    private static void checkRanges(DownloadMixin options) {
        if (options.maxReq < 1 || options.maxReq > MAX_REQ) {
            throw UsageException.badValue("--max-req", "1.." + MAX_REQ, options.maxReq);
        }
        if (options.retries < 0 || options.retries > 100) {
            throw UsageException.badValue("--retries", "0..100", options.retries);
        }
        if (options.maxBytes < 1) {
            throw UsageException.badValue("--max-bytes", "1 or more bytes", options.maxBytes);
        }
    }

    private static Site checkServer(DownloadMixin options) {
        Site site;
        try {
            site = Site.parse(options.server);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.faults.anyGiven() && !site.embedded()) {
            throw new UsageException("--delay, --jitter, --error-rate and --seed only apply to the EMBEDDED server");
        }
        options.faults.checkRanges();
        return site;
    }
}
