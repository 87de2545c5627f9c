package flags.http;

import java.util.List;
import java.util.function.Function;

/**
 * An answer's status line and header fields as any client reads them: what classifying an answer needs, whichever
 * library moved its bytes. {@code reason} is empty when the client does not keep it (the JDK's does not); {@code length} is the body's
 * length as its framing declares it, -1 when unknown (chunked, close-delimited, decoded gzip).
 */
public record Head(int code, String reason, long length, Function<String, List<String>> fields) {
    /** The first value of a field, or null. */
    public String header(String name) {
        List<String> values = fields.apply(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a field, in order. */
    List<String> headers(String name) {
        return fields.apply(name);
    }
}
