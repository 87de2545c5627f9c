package flags.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okio.Buffer;
import okio.BufferedSource;

/** Streams an image body to a file, checking it while it arrives: magic bytes first, then the size cap. */
final class ImageBody {
    private static final int CHUNK = 8192;
    private static final byte[][] MAGIC = {
            {'G', 'I', 'F', '8', '7', 'a'},
            {'G', 'I', 'F', '8', '9', 'a'},
            {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}};

    private ImageBody() {}

    /** Copies {@code source} into {@code file}; returns the byte count or throws with the reason it is unusable. */
    static long copy(BufferedSource source, Path file, long maxBytes, long declaredLength) throws IOException {
        long total = 0;
        try (OutputStream out = open(file)) {
            source.request(8);
            long head = source.getBuffer().size();
            if (head == 0) {
                throw new InvalidBodyException("empty body");
            }
            if (!hasMagic(source.getBuffer().snapshot((int) Math.min(8, head)).toByteArray())) {
                throw new InvalidBodyException("not an image: unexpected first bytes");
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
                    throw new StorageException("cannot write " + file.getFileName(), e);
                }
            }
        } catch (InvalidBodyException | StorageException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            String of = declaredLength >= 0 ? " of " + declaredLength : "";
            throw new IOException("body cut short after " + total + of + " bytes: " + e.getMessage(), e);
        }
        return total;
    }

    private static OutputStream open(Path file) throws StorageException {
        try {
            return Files.newOutputStream(file);
        } catch (IOException e) {
            throw new StorageException("cannot write " + file.getFileName(), e);
        }
    }

    static boolean hasMagic(byte[] head) {
        outer:
        for (byte[] magic : MAGIC) {
            if (head.length < magic.length) {
                continue;
            }
            for (int i = 0; i < magic.length; i++) {
                if (head[i] != magic[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
