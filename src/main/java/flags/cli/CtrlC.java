package flags.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a batch: the JVM runs shutdown hooks, so this one stops the batch (cancels the downloads and
 * interrupts the command's thread) and waits until the partial summary is printed; the JVM then exits with 130.
 */
final class CtrlC implements AutoCloseable {
    /** The batch normally settles within milliseconds; past this, the JVM exits without the summary. */
    private static final long WAIT_FOR_SUMMARY_MS = 5000;

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);

    private CtrlC(Runnable stop) {
        this.hook = new Thread(
                () -> {
                    stop.run();
                    try {
                        reported.await(WAIT_FOR_SUMMARY_MS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "flags-ctrl-c");
    }

    /** Arms the hook: {@code stop} must make the command's thread finish its batch and report. */
    static CtrlC install(Runnable stop) {
        CtrlC ctrlC = new CtrlC(stop);
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /** The summary is out: the hook may let the JVM exit. */
    void reported() {
        reported.countDown();
    }

    @Override
    public void close() {
        reported();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Too late to remove: the hook is running and has just been released.
        }
    }
}
