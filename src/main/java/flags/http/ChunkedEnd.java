package flags.http;

/**
 * Finds where a chunked body ends on the wire, fed the bytes after its head as they are read: chunk-size lines,
 * chunk data, then trailer lines up to an empty one. Lines end with LF, a CR before it optional, as OkHttp reads
 * them. Once the end is found, any byte after it is one no request asked for.
 */
final class ChunkedEnd {
    /** Larger chunk sizes are not valid, and OkHttp refuses them: such a body never ends here. */
    private static final long MAX_SIZE = 1L << 40;

    private enum State {
        SIZE_LINE,
        DATA,
        DATA_END_LINE,
        TRAILER_LINE,
        DONE,
        BROKEN
    }

    private State state = State.SIZE_LINE;
    private long size;
    private boolean digits = true;
    private long remaining;
    private boolean lineHasText;

    /**
     * Reads {@code length} bytes of the body from {@code offset}; returns how many of them belong to it when the
     * body ended among them, -1 when it has not ended yet (or never will, its framing broken).
     */
    int feed(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            switch (state) {
                case DONE, BROKEN -> {
                    return -1;
                }
                case DATA -> {
                    int skip = (int) Math.min(remaining, offset + length - i);
                    remaining -= skip;
                    i += skip - 1;
                    if (remaining == 0) {
                        state = State.DATA_END_LINE;
                    }
                }
                case SIZE_LINE -> sizeByte(bytes[i]);
                case DATA_END_LINE -> {
                    if (bytes[i] == '\n') {
                        state = State.SIZE_LINE;
                    }
                }
                case TRAILER_LINE -> {
                    if (bytes[i] == '\n') {
                        if (!lineHasText) {
                            state = State.DONE;
                            return i + 1 - offset;
                        }
                        lineHasText = false;
                    } else if (bytes[i] != '\r') {
                        lineHasText = true;
                    }
                }
            }
        }
        return -1;
    }

    /** Whether the body's last byte has been fed. */
    boolean done() {
        return state == State.DONE;
    }

    private void sizeByte(byte b) {
        if (b == '\n') {
            state = size == 0 ? State.TRAILER_LINE : State.DATA;
            remaining = size;
            size = 0;
            digits = true;
            return;
        }
        int digit = Character.digit(b, 16);
        if (digits && digit >= 0) {
            size = size * 16 + digit;
            if (size > MAX_SIZE) {
                state = State.BROKEN;
            }
        } else {
            digits = false; // an extension (";name=value") or the CR: not part of the size
        }
    }
}
