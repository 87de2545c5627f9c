package flags.http;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A {@code Content-Encoding: gzip} body decoded as it arrives, chunk by chunk, into the sink that judges the decoded
 * bytes: nothing waits for the next bytes and nothing is held whole. A body that is not gzip, ends inside the gzip
 * stream or fails its checksum is a "bad gzip body". Both clients decode with it.
 */
final class GzipSink<T> implements BodySink<T> {
    private static final int FIXED_HEADER = 10;
    private static final int TRAILER = 8;
    private static final int MAX_HEADER = 64 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final BodySink<T> decoded;
    private final boolean closeDelimited;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] out = new byte[8192];
    private byte[] pending = new byte[64]; // header or trailer bytes gathered across chunks
    private int pendingBytes;
    private boolean inBody;
    private boolean finished;

    /** {@code closeDelimited}: the connection's end is the body's end, so ending early is a body cut short. */
    GzipSink(BodySink<T> decoded, boolean closeDelimited) {
        this.decoded = decoded;
        this.closeDelimited = closeDelimited;
    }

    /** The head's fields a decoded body no longer has: its coding, and the length of the encoded bytes. */
    static boolean decodedAway(String name) {
        return name.equalsIgnoreCase("Content-Encoding") || name.equalsIgnoreCase("Content-Length");
    }

    @Override
    public void write(ByteBuffer chunk) throws IOException {
        while (chunk.hasRemaining()) {
            if (finished) {
                throw bad(HeadRules.SEVERAL_MEMBERS, null);
            }
            if (!inBody) {
                gather(chunk, 1);
                int header = headerLength();
                if (header >= 0) {
                    inBody = true;
                    pendingBytes = 0;
                }
                continue;
            }
            if (inflater.finished()) {
                gather(chunk, TRAILER - pendingBytes);
                if (pendingBytes == TRAILER) {
                    checkTrailer();
                }
                continue;
            }
            inflate(chunk);
        }
    }

    private void inflate(ByteBuffer chunk) throws IOException {
        byte[] input = new byte[chunk.remaining()];
        chunk.duplicate().get(input);
        inflater.setInput(input);
        try {
            while (!inflater.finished() && !inflater.needsInput()) {
                int n = inflater.inflate(out);
                if (n == 0 && inflater.needsDictionary()) {
                    throw bad("it is corrupt", null);
                }
                crc.update(out, 0, n);
                decoded.write(ByteBuffer.wrap(out, 0, n));
            }
        } catch (DataFormatException e) {
            throw bad("it is corrupt", e);
        }
        chunk.position(chunk.position() + input.length - inflater.getRemaining());
    }

    @Override
    public T end() throws IOException {
        if (!finished) {
            if (closeDelimited) {
                throw new EOFException(); // the connection ended inside the stream: a body cut short, like any
            }
            throw bad(!inBody && pendingBytes == 0 ? "it is empty" : "it ends early", null);
        }
        inflater.end();
        return decoded.end();
    }

    @Override
    public IOException abandon(IOException why) {
        inflater.end();
        return decoded.abandon(why);
    }

    /** Moves up to {@code max} bytes of {@code chunk} to the bytes gathered so far. */
    private void gather(ByteBuffer chunk, int max) throws BadAnswerException {
        int n = Math.min(chunk.remaining(), max);
        if (pendingBytes + n > pending.length) {
            if (pending.length >= MAX_HEADER) {
                throw bad("it is corrupt", null);
            }
            pending = Arrays.copyOf(pending, pending.length * 2);
        }
        chunk.get(pending, pendingBytes, n);
        pendingBytes += n;
    }

    /** The gzip header's length once it has all arrived, else -1; throws when it is not a gzip header. */
    private int headerLength() throws BadAnswerException {
        if (pendingBytes < FIXED_HEADER) {
            return -1;
        }
        if ((pending[0] & 0xff) != 0x1f || (pending[1] & 0xff) != 0x8b) {
            throw bad("it is not gzip", null);
        }
        if (pending[2] != 8) {
            throw bad("it is corrupt", null); // only deflate is gzip's method
        }
        int flags = pending[3];
        int at = FIXED_HEADER;
        if ((flags & FEXTRA) != 0) {
            if (pendingBytes < at + 2) {
                return -1;
            }
            at += 2 + ((pending[at] & 0xff) | (pending[at + 1] & 0xff) << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            if ((flags & field) != 0) {
                while (at < pendingBytes && pending[at] != 0) {
                    at++;
                }
                if (at++ >= pendingBytes) {
                    return -1;
                }
            }
        }
        if (at > pendingBytes || ((flags & FHCRC) != 0 && at + 2 > pendingBytes)) {
            return -1;
        }
        if ((flags & FHCRC) == 0) {
            return at;
        }
        // The header's own checksum: the low 16 bits of the CRC-32 of every header byte before it.
        CRC32 header = new CRC32();
        header.update(pending, 0, at);
        if ((header.getValue() & 0xffff) != ((pending[at] & 0xff) | (pending[at + 1] & 0xff) << 8)) {
            throw bad("it is corrupt", null);
        }
        return at + 2;
    }

    private void checkTrailer() throws BadAnswerException {
        long sum = le32(0);
        long size = le32(4);
        if (sum != crc.getValue() || size != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw bad("it is corrupt", null);
        }
        finished = true;
    }

    private long le32(int at) {
        return (pending[at] & 0xffL)
                | (pending[at + 1] & 0xffL) << 8
                | (pending[at + 2] & 0xffL) << 16
                | (pending[at + 3] & 0xffL) << 24;
    }

    private static BadAnswerException bad(String why, Throwable cause) {
        return new BadAnswerException("bad gzip body: " + why, cause);
    }
}
