package flags.input;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a user's input file, each checked as it is read: at most {@value #MAX_LINE_BYTES} bytes a line
 * and {@value #MAX_LINES} lines, UTF-8 only, a leading byte order mark skipped. A reader that trusted the input
 * would read {@code /dev/zero} until memory ran out.
 */
final class InputLines {
    static final int MAX_LINE_BYTES = 1024;
    static final int MAX_LINES = 100_000;

    private final InputStream in;
    private final String source;
    private int number;
    private boolean atStart = true;

    InputLines(InputStream in, String source) {
        this.in = new BufferedInputStream(in);
        this.source = source;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    int number() {
        return number;
    }

    private IllegalArgumentException tooLong() {
        return new IllegalArgumentException(
                source + " line " + (number + 1) + ": longer than " + MAX_LINE_BYTES + " bytes");
    }

    /** The next line without its line ending, or null at the end of the input. */
    String next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() == MAX_LINE_BYTES + 1) { // one more for the CR of a CRLF line ending
                throw tooLong();
            }
            line.write(b);
        }
        if (line.size() == MAX_LINE_BYTES + 1 && line.toByteArray()[MAX_LINE_BYTES] != '\r') {
            throw tooLong();
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        if (++number > MAX_LINES) {
            throw new IllegalArgumentException(source + ": more than " + MAX_LINES + " lines");
        }
        byte[] bytes = line.toByteArray();
        int from = 0;
        if (atStart
                && bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            from = 3;
        }
        atStart = false;
        int to = bytes.length > from && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + " line " + number + ": not UTF-8");
        }
    }
}
