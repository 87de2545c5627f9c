package flags.download;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping an executor its owner made: interrupt what runs, then wait until nothing does. */
final class Pools {
    private Pools() {}

    /**
     * Interrupts the running tasks and waits until they have ended, even if this thread is interrupted: a strategy
     * must not return while a worker could still save a file or report a result. The interrupt is kept.
     */
    static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
