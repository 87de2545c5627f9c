package flags.download;

import flags.BatchClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One batch: a strategy over the codes with one client, each result shown to a listener as it ends, timed on the
 * batch's clock. The commands, the benchmark and the tests all run their batches here.
 */
public final class Batch {
    private Batch() {}

    /**
     * What a batch did: the results in the order they were handed over (as they ended, or in submission order
     * for {@code --in-order}), its wall time, and whether it was stopped by an interrupt.
     */
    public record Outcome(List<String> codes, List<DownloadResult> handedOver, Duration elapsed, boolean interrupted) {
        public Outcome {
            codes = List.copyOf(codes);
            handedOver = List.copyOf(handedOver);
        }

        /** One result per code: those handed over, then the codes that never started, as not done. */
        public List<DownloadResult> results() {
            List<DownloadResult> all = new ArrayList<>(handedOver);
            Set<String> ended = new HashSet<>();
            handedOver.forEach(r -> ended.add(r.cc()));
            codes.stream().filter(cc -> !ended.contains(cc)).forEach(cc -> all.add(DownloadResult.notRun(cc)));
            return all;
        }
    }

    /**
     * Runs {@code strategy} over {@code codes}. Results may end on several threads at once; {@code listener} sees
     * them one at a time, so it needs no lock of its own. Stopped by an interrupt, the batch ends with what had
     * ended and the thread stays interrupted, for the caller to act on.
     */
    public static Outcome run(
            Strategy strategy,
            List<String> codes,
            FlagClient client,
            BatchClock clock,
            Consumer<DownloadResult> listener) {
        List<DownloadResult> ended = new ArrayList<>();
        boolean interrupted;
        try {
            strategy.run(codes, client, result -> {
                synchronized (ended) {
                    ended.add(result);
                    listener.accept(result);
                }
            });
            interrupted = Thread.currentThread().isInterrupted(); // a stop that came with the last result
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            client.finishBatch(); // whatever happened, no temporary file outlives the batch
        }
        Duration elapsed = clock.elapsed();
        if (interrupted) {
            Thread.currentThread().interrupt(); // not swallowed: the caller decides what a stop means
        }
        synchronized (ended) {
            return new Outcome(codes, ended, elapsed, interrupted);
        }
    }
}
