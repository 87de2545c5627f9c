package flags.cli;

import flags.text.Quote;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Sizes in bytes, with curl's binary suffixes: {@code 512}, {@code 512K}, {@code 10M}, {@code 1G} (K = 1024). */
public final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmg]?)b?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value == null ? "" : value.strip());
        if (!m.matches()) {
            throw new TypeConversionException("expected a size in bytes such as 512K or 10M, got " + Quote.of(value));
        }
        long n = Long.parseLong(m.group(1));
        int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "K" -> 10;
            case "M" -> 20;
            case "G" -> 30;
            default -> 0;
        };
        if (n > (Long.MAX_VALUE >> shift)) {
            throw new TypeConversionException("size too large, got " + Quote.of(value));
        }
        return n << shift;
    }
}
