package flags.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a command: the JVM runs shutdown hooks, so this one stops the work (cancels the downloads and
 * interrupts the command's thread) and holds the JVM until the command has printed its partial report and let go
 * of what it holds (embedded server stopped, temporary files removed); the JVM then exits with 130.
 *
 * <p>Holding on until everything is closed also keeps the exit quick: a JVM before 22 waits up to 300 ms at exit
 * for threads still inside a native call, such as a server's selector.
 */
final class CtrlC implements AutoCloseable {
    /**
     * A stopped command normally lets go within milliseconds, its summary printed at once; past this, the JVM exits
     * without waiting. Generous because a --timeline drawn after the stop (Java2D's first use, cold) took 4-5 s on
     * a saturated 2-core machine: the cap is only there so a command that never lets go still exits.
     */
    private static final Duration WAIT_FOR_COMMAND = Duration.ofSeconds(15);

    private final Thread hook;
    private final CountDownLatch released = new CountDownLatch(1);
    private Runnable stop; // guarded by this
    private boolean signalled; // guarded by this

    private CtrlC() {
        this.stop = () -> {}; // the work has not begun: once it has, onSignal stops it at once
        this.hook = new Thread(
                () -> {
                    try {
                        signalled();
                    } finally {
                        awaitRelease();
                    }
                },
                "flags-ctrl-c");
    }

    /**
     * Arms the hook, to be closed when the command has let go of everything. A Ctrl-C before {@link #onSignal}
     * interrupts nothing (a server half started would report the interrupt as its failure); the stop given later
     * runs as soon as it is given.
     */
    static CtrlC install() {
        CtrlC ctrlC = new CtrlC();
        Runtime.getRuntime().addShutdownHook(ctrlC.hook);
        return ctrlC;
    }

    /**
     * From now on Ctrl-C runs {@code stop}; at once if Ctrl-C has come already. A stop under way is finished first,
     * so once this returns, the previous stop interrupts nothing more.
     */
    synchronized void onSignal(Runnable stop) {
        this.stop = stop;
        if (signalled) {
            stop.run();
        }
    }

    // The stop runs under the lock: a command that has moved on (onSignal) is never interrupted by an old stop.
    // No deadlock: a stop takes only the locks of the downloads it cancels, which onSignal's callers never hold.
    private synchronized void signalled() {
        signalled = true;
        stop.run();
    }

    private void awaitRelease() {
        try {
            if (!released.await(WAIT_FOR_COMMAND.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("flags: still stopping after " + WAIT_FOR_COMMAND.toSeconds() + " s; exiting now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The thread the JVM starts on Ctrl-C. */
    Thread hook() {
        return hook;
    }

    /** The command has let go of everything: the hook, if running, lets the JVM exit. */
    @Override
    public void close() {
        released.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Too late to remove: the hook is running and has just been released.
        }
    }
}
