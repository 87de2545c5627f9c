package flags.http;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A body taken chunk by chunk as the network delivers it, so that it is checked while it arrives and never held
 * whole: the blocking client pushes what it reads, the non-blocking one what its subscriber is handed.
 */
public interface BodySink<T> {
    /** The next bytes of the body; throws when they already make it unusable. */
    void write(ByteBuffer chunk) throws IOException;

    /** The body ended where its framing said: the value it was read for. */
    T end() throws IOException;

    /**
     * The body will not end well ({@code why}: the network failed, or {@link #write} or {@link #end} threw): releases
     * what the sink holds and returns the failure to report.
     */
    IOException abandon(IOException why);

    /** Whether the body matters; when not, a client may drop it unread. */
    default boolean wantsBody() {
        return true;
    }

    /** A sink for a body whose head already decided: it ignores the bytes and ends as {@code decided}. */
    static <T> BodySink<T> ignoring(T decided) {
        return new BodySink<>() {
            @Override
            public void write(ByteBuffer chunk) {}

            @Override
            public T end() {
                return decided;
            }

            @Override
            public IOException abandon(IOException why) {
                return why;
            }

            @Override
            public boolean wantsBody() {
                return false;
            }
        };
    }
}
