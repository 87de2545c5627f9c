package flags.store;

import flags.http.BadAnswerException;
import flags.http.BodySink;
import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An image body checked while it arrives and written to its temporary file: the first bytes must be an image's
 * signature, the total at most {@code --max-bytes}. It ends as the complete temporary file, or abandons it.
 */
public final class ImageSink implements BodySink<Path> {
    /** The body stopped before its end: the connection closed or broke. Worth another attempt. */
    public static final class CutShort extends IOException {
        private static final long serialVersionUID = 1L;

        CutShort(String message, IOException cause) {
            super(message, cause);
        }
    }

    private final FlagStore store;
    private final FlagStore.Temp temp;
    private final long maxBytes;
    private final long declaredLength;
    private final String contentType;
    private final String target;
    private final byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
    private final byte[] copy = new byte[8192];
    private int headBytes;
    private boolean checked;
    private boolean complete;
    private long total;

    /**
     * @param declaredLength the server's {@code Content-Length}, or -1, named when the body is cut short
     * @param contentType    the server's {@code Content-Type}, quoted when the body is not an image
     * @param target         the file the user asked for, named when writing fails
     */
    public ImageSink(
            FlagStore store,
            FlagStore.Temp temp,
            long maxBytes,
            long declaredLength,
            String contentType,
            String target) {
        this.store = store;
        this.temp = temp;
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
        this.contentType = contentType;
        this.target = target;
    }

    @Override
    public void write(ByteBuffer chunk) throws IOException {
        if (!checked) {
            int n = Math.min(chunk.remaining(), head.length - headBytes);
            chunk.duplicate().get(head, headBytes, n);
            headBytes += n;
            if (headBytes == head.length) {
                checkSignature();
            }
        }
        total += chunk.remaining();
        if (total > maxBytes) {
            throw new InvalidBodyException("body larger than --max-bytes " + maxBytes);
        }
        OutputStream out = temp.out();
        try {
            while (chunk.hasRemaining()) {
                int n = Math.min(chunk.remaining(), copy.length);
                chunk.get(copy, 0, n);
                out.write(copy, 0, n);
            }
        } catch (IOException e) {
            throw StorageException.of("cannot write " + target, e);
        }
    }

    @Override
    public Path end() throws IOException {
        if (total == 0) {
            throw new InvalidBodyException("empty body");
        }
        if (!checked) {
            checkSignature();
        }
        try {
            temp.out().close(); // the last write: buffers flush, a full disk or quota can show only now
        } catch (IOException e) {
            throw StorageException.of("cannot write " + target, e);
        }
        complete = true;
        return temp.path();
    }

    @Override
    public IOException abandon(IOException why) {
        if (!complete) {
            try {
                temp.out().close();
            } catch (IOException ignored) {
                // the temporary file is being discarded anyway
            }
            store.discard(temp.path());
        }
        if (why instanceof InvalidBodyException
                || why instanceof StorageException
                || why instanceof InterruptedIOException
                || why instanceof BadAnswerException) {
            return why;
        }
        String of = declaredLength >= 0 ? " of " + declaredLength : "";
        return new CutShort("body cut short after " + total + of + " bytes: " + Failures.cutShort(why), why);
    }

    private void checkSignature() throws InvalidBodyException {
        checked = true;
        byte[] first = Arrays.copyOf(head, headBytes);
        if (ImageFormat.of(first).isEmpty()) {
            throw new InvalidBodyException("not an image (" + describeType() + "): the body is not "
                    + "GIF, PNG, JPEG or WebP, it starts with "
                    + Quote.of(new String(first, StandardCharsets.ISO_8859_1)));
        }
    }

    private String describeType() {
        return contentType == null || contentType.isEmpty()
                ? "no Content-Type"
                : "Content-Type " + Quote.escape(contentType, Quote.MAX_SHOWN);
    }
}
