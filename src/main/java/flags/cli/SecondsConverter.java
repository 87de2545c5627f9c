package flags.cli;

import flags.Seconds;
import flags.text.Quote;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A picocli converter for options given in seconds as a decimal ({@code 0.5}, {@code 2}, {@code .25}),
 * for {@code --delay}, {@code --jitter}, {@code --timeout} and the like. Rejects anything that is not a
 * plain non-negative number, with a message picocli shows as
 * {@code Invalid value for option '--delay': ...}. Precision is kept to the nanosecond.
 *
 * <pre>{@code @Option(names = "--delay", converter = SecondsConverter.class) Duration delay;}</pre>
 */
public final class SecondsConverter implements ITypeConverter<Duration> {

    /** Longest accepted value: a year is far beyond any sensible delay or timeout. */
    public static final Duration MAX = Duration.ofDays(365);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** Parses seconds as {@link #convert} does; throws {@link TypeConversionException} with a clear message. */
    public static Duration parse(String value) {
        String s = value == null ? "" : value.strip();
        BigDecimal seconds;
        try {
            if (s.isEmpty() || !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
                throw new NumberFormatException();
            }
            seconds = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new TypeConversionException("expected seconds such as 0.5, got " + Quote.of(value));
        }
        if (seconds.signum() < 0) {
            throw new TypeConversionException("expected seconds >= 0, got " + Quote.of(value));
        }
        if (seconds.compareTo(BigDecimal.valueOf(MAX.getSeconds())) > 0) {
            throw new TypeConversionException(
                    "expected at most " + MAX.getSeconds() + " seconds, got " + Quote.of(value));
        }
        long nanos = seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return Duration.ofNanos(nanos);
    }

    /** Seconds that must be more than zero, such as a timeout: the same form, the same message for 0 and -1. */
    public static final class Positive implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d;
            try {
                d = parse(value);
            } catch (TypeConversionException e) {
                d = Duration.ZERO;
                if (!e.getMessage().startsWith("expected seconds >= 0")) {
                    throw e;
                }
            }
            if (d.isZero()) {
                throw new TypeConversionException("expected seconds > 0, got " + Quote.of(value));
            }
            return d;
        }
    }

    /** Formats a duration back as seconds, without trailing zeros: {@code 0.5}, {@code 2}, {@code 0.125}. */
    public static String format(Duration d) {
        return Seconds.plain(d);
    }
}
