package flags.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Ctrl-C hook, started by hand as the JVM would start it: it stops the work and holds until released. */
@Timeout(10)
class CtrlCTest {

    @Test
    void theHookRunsTheStopAndHoldsTheJvmUntilTheCommandLetsGo() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CtrlC ctrlC = CtrlC.install();
        try {
            ctrlC.onSignal(stopped::countDown);
            ctrlC.hook().start();
            assertTrue(stopped.await(5, TimeUnit.SECONDS), "the stop ran");
            ctrlC.hook().join(300);
            assertTrue(ctrlC.hook().isAlive(), "the hook waits while the command still holds its server and files");
        } finally {
            ctrlC.close();
        }
        ctrlC.hook().join(5_000);
        assertFalse(ctrlC.hook().isAlive(), "released by close");
    }

    @Test
    void aCtrlCBeforeTheWorkBeganStopsItAsSoonAsItsStopIsGiven() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        CtrlC ctrlC = CtrlC.install();
        try {
            ctrlC.hook().start(); // Ctrl-C while the command is still starting up
            CountDownLatch seen = new CountDownLatch(1);
            while (ctrlC.hook().getState() != Thread.State.TIMED_WAITING
                    && ctrlC.hook().isAlive()) {
                seen.await(1, TimeUnit.MILLISECONDS); // the hook has run its (empty) stop and waits for close
            }
            ctrlC.onSignal(stopped::countDown);
            assertTrue(stopped.await(0, TimeUnit.SECONDS), "the stop given after Ctrl-C ran at once");
        } finally {
            ctrlC.close();
        }
        ctrlC.hook().join(5_000);
        assertFalse(ctrlC.hook().isAlive(), "released by close");
    }

    @Test
    void aCommandMovingOnWaitsForAStopUnderWaySoThatItCannotBeInterruptedLater() throws Exception {
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch finishStop = new CountDownLatch(1);
        CtrlC ctrlC = CtrlC.install();
        try {
            ctrlC.onSignal(() -> {
                stopping.countDown();
                try {
                    finishStop.await(); // a slow stop: cancelling many downloads
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            ctrlC.hook().start();
            assertTrue(stopping.await(5, TimeUnit.SECONDS));
            Thread movingOn = new Thread(() -> ctrlC.onSignal(() -> {}));
            movingOn.start();
            movingOn.join(300);
            assertTrue(movingOn.isAlive(), "onSignal waits while the old stop runs");
            finishStop.countDown();
            movingOn.join(5_000);
            assertFalse(movingOn.isAlive(), "and returns once it is done");
        } finally {
            finishStop.countDown();
            ctrlC.close();
        }
        ctrlC.hook().join(5_000);
    }

    @Test
    void closingWithoutCtrlCRemovesTheHook() {
        CtrlC ctrlC = CtrlC.install();
        ctrlC.close();
        assertFalse(Runtime.getRuntime().removeShutdownHook(ctrlC.hook()), "already removed");
    }
}
