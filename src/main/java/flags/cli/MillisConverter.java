package flags.cli;

import flags.text.Quote;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Whole milliseconds ({@code 50}), for {@code --cpu-work}; at most a minute, which is already far too much. */
public final class MillisConverter implements ITypeConverter<Duration> {
    public static final Duration MAX = Duration.ofMinutes(1);

    @Override
    public Duration convert(String value) {
        String s = value == null ? "" : value.strip();
        if (!s.matches("\\+?\\d{1,9}")) {
            throw new TypeConversionException("expected whole milliseconds such as 50, got " + Quote.of(value));
        }
        Duration d = Duration.ofMillis(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException(Quote.of(value) + " is too long: at most " + MAX.toMillis() + " ms");
        }
        return d;
    }
}
