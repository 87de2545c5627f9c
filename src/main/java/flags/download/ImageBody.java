package flags.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import okio.Buffer;
import okio.BufferedSource;

/** Streams an image body to a file, checking it while it arrives: the signature first, then the size cap. */
final class ImageBody {
    private static final int CHUNK = 8192;

    /** The body stopped before its end: the connection closed or broke. Worth another attempt. */
    static final class CutShort extends IOException {
        private static final long serialVersionUID = 1L;

        CutShort(String message, IOException cause) {
            super(message, cause);
        }
    }

    private ImageBody() {}

    /**
     * Copies {@code source} into {@code out}; returns the byte count or throws with the reason it is unusable.
     *
     * @param contentType the server's {@code Content-Type}, quoted when the body is not an image
     * @param target      the file the user asked for, named when writing fails
     */
    static long copy(
            BufferedSource source,
            OutputStream out,
            long maxBytes,
            long declaredLength,
            String contentType,
            String target)
            throws IOException {
        long total = 0;
        try {
            source.request(ImageFormat.SIGNATURE_BYTES);
            Buffer buffered = source.getBuffer();
            if (buffered.size() == 0) {
                throw new InvalidBodyException("empty body");
            }
            byte[] head = buffered.snapshot((int) Math.min(ImageFormat.SIGNATURE_BYTES, buffered.size()))
                    .toByteArray();
            if (ImageFormat.of(head).isEmpty()) {
                throw new InvalidBodyException("not an image (" + describeType(contentType) + "): the body is not "
                        + "GIF, PNG, JPEG or WebP, it starts with " + Quote.of(printable(head)));
            }
            Buffer chunk = new Buffer();
            for (long n; (n = source.read(chunk, CHUNK)) != -1; ) {
                total += n;
                if (total > maxBytes) {
                    throw new InvalidBodyException("body larger than --max-bytes " + maxBytes);
                }
                try {
                    chunk.writeTo(out);
                } catch (IOException e) {
                    throw StorageException.of("cannot write " + target, e);
                }
            }
        } catch (InvalidBodyException | StorageException | InterruptedIOException | BadAnswerException e) {
            throw e;
        } catch (IOException e) {
            String of = declaredLength >= 0 ? " of " + declaredLength : "";
            throw new CutShort("body cut short after " + total + of + " bytes: " + Failures.cutShort(e), e);
        }
        return total;
    }

    private static String describeType(String contentType) {
        return contentType == null || contentType.isEmpty()
                ? "no Content-Type"
                : "Content-Type " + Quote.escape(contentType, Quote.MAX_SHOWN);
    }

    private static String printable(byte[] head) {
        return new String(head, StandardCharsets.ISO_8859_1);
    }
}
