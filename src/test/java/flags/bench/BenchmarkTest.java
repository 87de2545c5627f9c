package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.download.DownloadOptions;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
import flags.download.StrategyTable;
import flags.http.Proxies;
import flags.http.Transport;
import flags.server.FlagServer;
import flags.server.ServerConfig;
import flags.store.FlagStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BenchmarkTest {
    @Test
    void withoutAnOutputDirectoryTheRunsSaveUnderATemporaryOneRemovedAfterwards() throws Exception {
        List<Path> runDirs = new CopyOnWriteArrayList<>();
        BenchOutcome outcome;
        try (FlagServer server = FlagServer.start(ServerConfig.embedded(Duration.ZERO, Duration.ZERO, 0))) {
            HttpUrl base = HttpUrl.get(server.baseUrl());
            Benchmark.Clients clients = new Benchmark.Clients() {
                @Override
                public Transport http(Transport.Kind kind, int concurrency) {
                    return Transport.create(kind, concurrency, Duration.ofSeconds(5), Proxies.none());
                }

                @Override
                public FlagClient create(Transport http, BatchClock clock, Path dir) {
                    runDirs.add(dir);
                    return new FlagClient(
                            http,
                            new DownloadOptions(base, 1 << 20, false),
                            new FlagStore(dir),
                            RetryPolicy.standard(0),
                            clock);
                }
            };
            Benchmark.Setup setup = new Benchmark.Setup(
                    new Workload("EMBEDDED", Duration.ZERO, Duration.ZERO, 3, 1),
                    List.of(
                            StrategyTable.named("seq").orElseThrow(),
                            StrategyTable.named("async").orElseThrow()),
                    List.of(3),
                    new BenchPlan(0, 2),
                    List.of("BR", "CN", "ZZ"),
                    null,
                    clients);
            StringWriter err = new StringWriter();
            outcome = new Benchmark(setup, new Benchmark.Live(new PrintWriter(err), false, false)).run(stop -> {});
            assertEquals("", err.toString(), "no run failed");
        }
        assertFalse(outcome.interrupted());
        assertFalse(outcome.anyFailed());
        assertEquals(4, runDirs.size(), "2 strategies, 2 runs each: " + runDirs);
        Path temporary = runDirs.get(0).getParent();
        assertTrue(runDirs.stream().allMatch(d -> d.getParent().equals(temporary)), runDirs.toString());
        assertTrue(temporary.getFileName().toString().startsWith("flags-bench-"), temporary.toString());
        assertEquals(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(),
                temporary.getParent().toAbsolutePath().normalize(),
                "under the system's temporary directory, never where bench ran");
        assertFalse(Files.exists(temporary), "removed with every run's files: " + temporary);
    }
}
