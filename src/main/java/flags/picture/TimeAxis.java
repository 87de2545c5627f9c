package flags.picture;

import java.util.Locale;

/**
 * The shared time axis of a timeline: from 0 to a round end, with a "nice" tick step (1, 2, 2.5 or 5 times a
 * power of ten) giving at most {@value #MAX_TICKS} intervals, and tick labels all printed with the same number
 * of decimals (0.0, 0.5, 1.0 or 0.00, 0.25, 0.50).
 */
record TimeAxis(double end, double step, int decimals) {
    static final int MAX_TICKS = 8;
    private static final double[] NICE = {1, 2, 2.5, 5, 10};

    /** An axis covering 0 to {@code seconds}; nothing to show (0 or less, or not a number) gives 0 to 1 s. */
    static TimeAxis covering(double seconds) {
        double span = seconds > 0 && Double.isFinite(seconds) ? seconds : 1;
        double raw = span / MAX_TICKS;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude;
        for (double nice : NICE) {
            step = nice * magnitude;
            if (step >= raw * (1 - 1e-9)) {
                break;
            }
        }
        long intervals = Math.max(1, (long) Math.ceil(span / step - 1e-9));
        return new TimeAxis(intervals * step, step, decimals(step));
    }

    /** How many ticks, both ends included. */
    int ticks() {
        return (int) Math.round(end / step) + 1;
    }

    /** The time of tick {@code i}, 0 being the start. */
    double tick(int i) {
        return i * step;
    }

    /** The label of tick {@code i}, e.g. "0.5". */
    String label(int i) {
        return String.format(Locale.ROOT, "%." + decimals + "f", tick(i));
    }

    /** Decimals needed to print every multiple of {@code step} exactly. */
    private static int decimals(double step) {
        for (int d = 0; d < 9; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 9;
    }
}
