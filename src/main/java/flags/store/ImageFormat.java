package flags.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats a flag may come in, told by the body's first bytes, whatever {@code Content-Type} says:
 * S3 and many static servers label images {@code application/octet-stream}, or not at all.
 */
enum ImageFormat {
    GIF,
    PNG,
    JPEG,
    WEBP;

    /** How many first bytes {@link #of} needs to tell every format (WebP's is the longest signature). */
    static final int SIGNATURE_BYTES = 12;

    private static final byte[] GIF87A = ascii("GIF87a");
    private static final byte[] GIF89A = ascii("GIF89a");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG_SOI = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WEBP_TAG = ascii("WEBP");

    /** The format whose signature {@code head} starts with, if any. */
    static Optional<ImageFormat> of(byte[] head) {
        if (startsWith(head, 0, GIF87A) || startsWith(head, 0, GIF89A)) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, 0, JPEG_SOI)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP_TAG)) { // RIFF, 4-byte size, WEBP
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int offset, byte[] signature) {
        return data.length >= offset + signature.length
                && Arrays.equals(data, offset, offset + signature.length, signature, 0, signature.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
