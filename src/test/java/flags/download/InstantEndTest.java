package flags.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.store.FlagStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A long batch whose every download ends the moment it starts (a refused connection, or a batch already
 * cancelled): the next code must start from a loop, not one call deeper, or the stack grows with the codes.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class InstantEndTest {
    private static final int CODES = 20_000;
    /** The JVM's usual thread stack on 64-bit Linux, set here so that the test means the same everywhere. */
    private static final long STACK_BYTES = 1 << 20;

    @TempDir
    Path out;

    static Stream<Named<IntFunction<Strategy>>> strategies() {
        return Strategies.all();
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void everyRefusedCodeIsHandedOverWithoutTheStackGrowing(IntFunction<Strategy> strategy) throws Exception {
        List<DownloadResult> results = runOnFreshStack(strategy.apply(4), false);

        assertEquals(CODES, results.size());
        assertTrue(
                results.stream().allMatch(r -> r.status() == Status.ERROR),
                () -> results.get(0).toString());
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void aCancelledBatchEndsEveryCodeWithoutTheStackGrowing(IntFunction<Strategy> strategy) throws Exception {
        List<DownloadResult> results = runOnFreshStack(strategy.apply(4), true);

        assertEquals(CODES, results.size());
        assertTrue(
                results.stream().allMatch(r -> r.status() == Status.NOT_DONE),
                () -> results.get(0).toString());
    }

    private List<DownloadResult> runOnFreshStack(Strategy strategy, boolean cancelFirst) throws Exception {
        List<String> codes = IntStream.range(0, CODES).mapToObj(i -> "C" + i).toList();
        FlagClient client = new FlagClient(
                new RefusingTransport(),
                new DownloadOptions(HttpUrl.get("http://127.0.0.1:9/flags"), DownloadOptions.DEFAULT_MAX_BYTES, false),
                new FlagStore(out),
                RetryPolicy.standard(0),
                new BatchClock());
        if (cancelFirst) {
            client.cancel();
        }
        AtomicReference<Batch.Outcome> outcome = new AtomicReference<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread batch = new Thread(
                null,
                () -> {
                    try {
                        outcome.set(Batch.run(strategy, codes, client, new BatchClock(), r -> {}));
                    } catch (Throwable t) {
                        failed.set(t);
                    }
                },
                "instant-end-batch",
                STACK_BYTES);
        batch.start();
        batch.join();
        assertNull(failed.get(), () -> "the batch failed: " + failed.get());
        assertFalse(outcome.get().interrupted());
        return outcome.get().handedOver();
    }
}
