package flags;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations written as seconds, in the few forms the output uses, in one place: as a decimal without trailing
 * zeros for options and settings ({@code 0.5}, {@code 10}), with fixed decimals for measurements ({@code 0.534}),
 * and as a number for arithmetic.
 */
public final class Seconds {
    private Seconds() {}

    /** Seconds as a number; a missing duration is 0. */
    public static double of(Duration d) {
        return d == null ? 0 : d.toNanos() / 1e9;
    }

    /** {@code 0.5}, {@code 10}, {@code 0.125}: exact, no trailing zeros, as a user would type it. */
    public static BigDecimal decimal(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.getSeconds())
                .add(BigDecimal.valueOf(d.getNano(), 9))
                .stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s; // 10, not 1E+1
    }

    /** {@link #decimal} as text: {@code 0.5}. */
    public static String plain(Duration d) {
        return decimal(d).toPlainString();
    }

    /** With {@code decimals} digits after the point, rounded: {@code fixed(d, 3)} is {@code 0.534}. */
    public static String fixed(Duration d, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", of(d));
    }
}
