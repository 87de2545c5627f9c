package flags.cli;

import flags.text.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --scan-m}: the values of {@code -m} to scan, ascending: a list ({@code 1,2,5,10}) or a range
 * {@code FROM:TO}, which takes FROM, the 1-2-5 values between (a geometric step, about ×2.15), and TO.
 */
final class ScanSteps {
    private static final double[] STEPS = {1, 2, 5};

    private ScanSteps() {}

    static List<Integer> parse(String value, int max) {
        String s = value.strip();
        TreeSet<Integer> ms = new TreeSet<>();
        if (s.matches("\\d{1,9}:\\d{1,9}")) {
            int from = Integer.parseInt(s.substring(0, s.indexOf(':')));
            int to = Integer.parseInt(s.substring(s.indexOf(':') + 1));
            check(from, max, value);
            check(to, max, value);
            if (to < from) {
                throw new UsageException("invalid --scan-m " + Quote.of(value) + ": the range goes down");
            }
            ms.add(from);
            for (long decade = 1; decade <= to; decade *= 10) {
                for (double step : STEPS) {
                    long m = (long) (step * decade);
                    if (m > from && m < to) {
                        ms.add((int) m);
                    }
                }
            }
            ms.add(to);
        } else if (s.matches("\\d{1,9}(\\s*,\\s*\\d{1,9})*")) {
            for (String part : s.split(",")) {
                int m = Integer.parseInt(part.strip());
                check(m, max, value);
                ms.add(m);
            }
        } else {
            throw new UsageException("invalid --scan-m " + Quote.of(value)
                    + ": expected a list such as 1,2,5,10 or a range such as 1:200");
        }
        return new ArrayList<>(ms);
    }

    private static void check(int m, int max, String value) {
        if (m < 1 || m > max) {
            throw new UsageException("invalid --scan-m " + Quote.of(value) + ": " + m + " is not in 1.." + max);
        }
    }
}
