package flags.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Bodies a test server sends: images that pass by their first bytes, gzip, metadata in a chosen charset. */
public final class Bodies {
    private Bodies() {}

    /** A GIF signature and a marker naming {@code cc}, so saved files can be told apart. */
    public static byte[] gif(String cc) {
        return FakeFlags.gif(cc);
    }

    public static byte[] png(String cc) {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, marker("png", cc));
    }

    public static byte[] jpeg(String cc) {
        return concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, marker("jpeg", cc));
    }

    public static byte[] webp(String cc) {
        byte[] rest = marker("webp", cc);
        int size = 4 + rest.length; // RIFF size: what follows the size field
        byte[] riff = {
            'R',
            'I',
            'F',
            'F',
            (byte) size,
            (byte) (size >> 8),
            (byte) (size >> 16),
            (byte) (size >> 24),
            'W',
            'E',
            'B',
            'P'
        };
        return concat(riff, rest);
    }

    public static byte[] html() {
        return "<html><body>Not a flag</body></html>".getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code {"country": NAME, "iso_cc": CC}} in {@code charset}, NAME written as given (no escaping). */
    public static byte[] metadata(String cc, String name, Charset charset) {
        return ("{\"country\": \"" + name + "\", \"iso_cc\": \"" + cc.toUpperCase() + "\"}").getBytes(charset);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] concat(byte[]... parts) {
        return RawServer.concat(parts);
    }

    private static byte[] marker(String format, String cc) {
        return (" fake " + format + " flag of " + cc.toUpperCase() + " ".repeat(100))
                .getBytes(StandardCharsets.US_ASCII);
    }
}
