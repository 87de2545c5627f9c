package flags.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a batch: the JVM runs shutdown hooks, so this one cancels the downloads, interrupts the
 * command's thread and waits (briefly) until the partial summary is printed; the JVM then exits with 130.
 */
final class CtrlC implements AutoCloseable {
    private static final long WAIT_FOR_SUMMARY_MS = 800;
    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);

    private CtrlC(Runnable cancel) {
        Thread commandThread = Thread.currentThread();
        this.hook = new Thread(() -> {
            cancel.run();
            commandThread.interrupt();
            try {
                reported.await(WAIT_FOR_SUMMARY_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "flags-ctrl-c");
    }

    /** Arms the hook for the current thread's batch. */
    static CtrlC install(Runnable cancel) {
        CtrlC ctrlC = new CtrlC(cancel);
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
