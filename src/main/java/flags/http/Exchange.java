package flags.http;

import java.io.IOException;

/**
 * What {@code FlagClient} makes of one request, handed to a {@link Transport}: the transport moves the bytes and
 * reports the head, the body and any failure here; every judgement stays on this side.
 */
public interface Exchange<R> {
    /** The final head arrived (redirects followed): where its body goes; the sink's {@code end} gives the result. */
    BodySink<R> head(Head head);

    /** The request failed: before a head, or (already passed through the sink's {@code abandon}) in the body. */
    R failed(IOException e);
}
