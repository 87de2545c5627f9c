package flags.store;

import flags.http.BodySink;
import flags.text.Quote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import okhttp3.MediaType;

/** A {@code metadata.json} body, gathered up to a small bound and read as its country's name. */
public final class MetadataSink implements BodySink<String> {
    static final int MAX_BYTES = 64 * 1024;

    private final Charset charset;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private MetadataSink(Charset charset) {
        this.charset = charset;
    }

    /** A sink for a body of {@code contentType}; a charset this system does not know is an error, not a guess. */
    public static MetadataSink of(String contentType) throws InvalidBodyException {
        MediaType type = contentType == null ? null : MediaType.parse(contentType);
        String name = type == null ? null : type.parameter("charset");
        if (name == null) {
            return new MetadataSink(StandardCharsets.UTF_8); // JSON is UTF-8 unless the server says otherwise
        }
        try {
            return new MetadataSink(Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidBodyException("metadata charset " + Quote.of(name) + " is not one this system knows");
        }
    }

    @Override
    public void write(ByteBuffer chunk) throws InvalidBodyException {
        if (bytes.size() + (long) chunk.remaining() > MAX_BYTES) {
            throw new InvalidBodyException("metadata larger than " + MAX_BYTES + " bytes");
        }
        byte[] copy = new byte[chunk.remaining()];
        chunk.get(copy);
        bytes.write(copy, 0, copy.length);
    }

    @Override
    public String end() throws InvalidBodyException {
        return CountryName.parse(bytes.toByteArray(), charset);
    }

    @Override
    public IOException abandon(IOException why) {
        return why;
    }
}
