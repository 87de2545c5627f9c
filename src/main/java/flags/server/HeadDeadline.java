package flags.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes connections that take longer than the header timeout to send a complete request head (slowloris:
 * a header a byte at a time resets Jetty's idle timeout forever, and Jetty has no deadline of its own for the
 * head). A new connection's clock starts when it is accepted; on a kept-alive connection, when the first
 * byte of its next request is seen. A connection waiting for or receiving an answer is never closed here,
 * and one that has sent nothing since its last answer is idle, left to the idle timeout.
 *
 * <p>Jetty calls no handler before the head is complete, so the clock is read by a sweep over the open
 * connections every {@link #period()}: a connection is closed between the timeout and one period after it.
 */
final class HeadDeadline implements Connection.Listener {

    private final long limitNanos;
    private final Duration period;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Connection, Clock> clocks = new ConcurrentHashMap<>();
    private final AtomicLong closed = new AtomicLong();

    HeadDeadline(Duration limit) {
        this(limit, System::nanoTime);
    }

    HeadDeadline(Duration limit, LongSupplier nanoTime) {
        this.limitNanos = limit.toNanos();
        this.nanoTime = nanoTime;
        // A fifth of the limit, between 10 ms and 1 s: a 10 s limit is enforced within 10 to 11 s.
        long periodNanos =
                Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), limitNanos / 5));
        this.period = Duration.ofNanos(periodNanos);
    }

    Duration period() {
        return period;
    }

    /** Connections closed so far because their head was late. */
    long closed() {
        return closed.get();
    }

    @Override
    public void onOpened(Connection connection) {
        clocks.put(connection, new Clock(nanoTime.getAsLong()));
    }

    @Override
    public void onClosed(Connection connection) {
        clocks.remove(connection);
    }

    /** The head of a request is complete: its handler runs now. */
    void headComplete(Connection connection) {
        Clock clock = clocks.get(connection);
        if (clock != null) {
            clock.busy();
        }
    }

    /** The answer is sent: what comes next on this connection is the head of another request. */
    void answered(Connection connection) {
        Clock clock = clocks.get(connection);
        if (clock != null) {
            clock.idle(connection.getBytesIn());
        }
    }

    /** Closes every connection whose head is overdue; returns how many. */
    int sweep() {
        long now = nanoTime.getAsLong();
        int n = 0;
        for (var entry : clocks.entrySet()) {
            Connection connection = entry.getKey();
            if (entry.getValue().overdue(now, connection.getBytesIn(), limitNanos)) {
                clocks.remove(connection);
                closed.incrementAndGet(); // counted before the close, which a client sees at once
                connection.getEndPoint().close();
                n++;
            }
        }
        return n;
    }

    /** Sweeps every period on {@code scheduler} until the scheduler stops. */
    void start(Scheduler scheduler) {
        try {
            scheduler.schedule(
                    () -> {
                        sweep();
                        start(scheduler);
                    },
                    period.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // the server is stopping: no more sweeps
        }
    }

    /** One connection's head clock. */
    private static final class Clock {
        private boolean busy; // guarded by this: a request is being handled or answered
        private boolean answeredOne; // guarded by this
        private long since; // guarded by this: accepted at, or first byte of the next head seen at
        private boolean headStarted; // guarded by this
        private long bytesAtAnswer; // guarded by this

        Clock(long openedAt) {
            since = openedAt;
        }

        synchronized void busy() {
            busy = true;
        }

        synchronized void idle(long bytesIn) {
            busy = false;
            answeredOne = true;
            headStarted = false;
            bytesAtAnswer = bytesIn;
        }

        synchronized boolean overdue(long now, long bytesIn, long limitNanos) {
            if (busy) {
                return false;
            }
            if (answeredOne && !headStarted) {
                if (bytesIn == bytesAtAnswer) {
                    return false; // idle between requests
                }
                headStarted = true;
                since = now; // no earlier than its first byte, so never closed early
                return false;
            }
            return now - since >= limitNanos;
        }
    }
}
