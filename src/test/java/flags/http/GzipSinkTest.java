package flags.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one gzip decoder of both clients, fed the way a network feeds it: in pieces of any size. */
class GzipSinkTest {
    private static final byte[] BODY =
            "GIF89a, a flag's bytes, and more of them".repeat(50).getBytes(StandardCharsets.US_ASCII);
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;

    @ParameterizedTest(name = "in pieces of {0} bytes")
    @ValueSource(ints = {1, 3, 10, 8192})
    void aHeaderWithEveryOptionalFieldDecodesWhateverThePieces(int piece) throws IOException {
        byte[] gzip = gzip(FEXTRA | FNAME | FHCRC, false);

        assertArrayEquals(BODY, decode(gzip, piece));
    }

    @Test
    void aHeaderWhoseChecksumIsWrongIsCorrupt() {
        byte[] gzip = gzip(FNAME | FHCRC, true);

        IOException e = assertThrows(BadAnswerException.class, () -> decode(gzip, 7));
        assertEquals("bad gzip body: it is corrupt", e.getMessage());
    }

    @Test
    void bytesThatAreNotGzipAreSaidToBeSo() {
        IOException e = assertThrows(BadAnswerException.class, () -> decode(BODY, 100));
        assertEquals("bad gzip body: it is not gzip", e.getMessage());
    }

    /** The body decoded from {@code gzip} pushed in pieces of {@code piece} bytes, as a framed body. */
    private static byte[] decode(byte[] gzip, int piece) throws IOException {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        GzipSink<byte[]> sink = new GzipSink<>(
                new BodySink<>() {
                    @Override
                    public void write(ByteBuffer chunk) {
                        byte[] b = new byte[chunk.remaining()];
                        chunk.get(b);
                        decoded.writeBytes(b);
                    }

                    @Override
                    public byte[] end() {
                        return decoded.toByteArray();
                    }

                    @Override
                    public IOException abandon(IOException why) {
                        return why;
                    }
                },
                false);
        for (int at = 0; at < gzip.length; at += piece) {
            sink.write(ByteBuffer.wrap(gzip, at, Math.min(piece, gzip.length - at)));
        }
        return sink.end();
    }

    /** {@link #BODY} as one gzip member whose header has the optional fields {@code flags} names. */
    private static byte[] gzip(int flags, boolean wrongHeaderChecksum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, (byte) 255});
        if ((flags & FEXTRA) != 0) {
            out.writeBytes(new byte[] {4, 0, 'x', 'y', 2, 0});
        }
        if ((flags & FNAME) != 0) {
            out.writeBytes("zz.gif\0".getBytes(StandardCharsets.ISO_8859_1));
        }
        if ((flags & FHCRC) != 0) {
            CRC32 header = new CRC32();
            header.update(out.toByteArray());
            int sum = (int) header.getValue() ^ (wrongHeaderChecksum ? 1 : 0);
            out.writeBytes(new byte[] {(byte) sum, (byte) (sum >> 8)});
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(BODY);
        deflater.finish();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(BODY);
        out.writeBytes(le32(crc.getValue()));
        out.writeBytes(le32(BODY.length));
        return out.toByteArray();
    }

    private static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
    }
}
