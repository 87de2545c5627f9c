package flags.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.download.AsyncStrategy;
import flags.download.DownloadOptions;
import flags.download.FlagClient;
import flags.download.RetryPolicy;
import flags.download.Status;
import flags.http.HttpClients;
import flags.http.OkHttpTransport;
import flags.report.BatchReport;
import flags.server.FlagServer;
import flags.server.ServerConfig;
import flags.store.FlagStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class MeasuredBatchTest {
    @TempDir
    Path out;

    @Test
    void eachRunSavesIntoItsOwnDirectoryWhichIsRemovedAfterwards() throws Exception {
        List<Path> dirs = new ArrayList<>();
        try (FlagServer server = FlagServer.start(ServerConfig.embedded(Duration.ZERO, Duration.ZERO, 0))) {
            OkHttpTransport http = new OkHttpTransport(HttpClients.create(3, Duration.ofSeconds(5)));
            try {
                MeasuredBatch batch = new MeasuredBatch(
                        new AsyncStrategy(3),
                        List.of("BR", "CN", "ZZ"),
                        out,
                        http,
                        (runHttp, clock, dir) -> {
                            dirs.add(dir);
                            return new FlagClient(
                                    runHttp,
                                    new DownloadOptions(HttpUrl.get(server.baseUrl()), 1 << 20, false),
                                    new FlagStore(dir),
                                    RetryPolicy.standard(0),
                                    clock);
                        },
                        null);
                BatchReport first = batch.run().report();
                BatchReport second = batch.run().report();
                for (BatchReport r : List.of(first, second)) {
                    assertEquals(2, r.count(Status.OK));
                    assertEquals(1, r.count(Status.NOT_FOUND));
                    assertEquals(3, r.concurrency());
                    assertTrue(
                            r.results().stream()
                                    .filter(x -> x.file() != null)
                                    .allMatch(x ->
                                            x.file().getParent().getParent().equals(out)),
                            "saved inside -o");
                }
                assertEquals(new Contender("async", 3, batch), batch.contender());
            } finally {
                http.shutdown();
            }
        }
        assertEquals(2, dirs.size());
        assertNotEquals(dirs.get(0), dirs.get(1));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList());
        }
    }
}
