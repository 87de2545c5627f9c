package flags.bench;

import flags.Seconds;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One column of a strategy's results, the single definition every format reads: its fields in CSV and JSON, its
 * heading and cell in Markdown, and, when the table shows it, its short heading there and what that heading means.
 * A Markdown cell may join several fields ("0.450 ± 0.050" is {@code mean_s} and {@code stddev_s}) or none
 * (Relative is derived from the others).
 *
 * @param markdown  the heading in Markdown
 * @param heading   the heading in the table; null when only Markdown shows the column
 * @param legend    what the table's heading means, under the table; null when it says it itself
 * @param cell      the text of a cell, given the strategy's statistics and the whole comparison
 * @param fields    what CSV and JSON have for it, in order
 * @param leftOut   when a terminal too narrow for the whole table leaves this column out: 1 first, 2 next...; 0
 *                  never
 */
record Column(
        String markdown,
        String heading,
        String legend,
        BiFunction<StrategyStats, Comparison, String> cell,
        List<Field> fields,
        int leftOut) {

    /**
     * A value for scripts: {@code text} a JSON string, else a JSON number written as its decimal text; null when
     * unknown (empty in CSV, null in JSON).
     */
    record Field(String name, boolean text, Function<StrategyStats, String> value) {}

    /** A column every table width shows, or that the table never shows. */
    Column(
            String markdown,
            String heading,
            String legend,
            BiFunction<StrategyStats, Comparison, String> cell,
            List<Field> fields) {
        this(markdown, heading, legend, cell, fields, 0);
    }

    /**
     * Every column, in the order of every format; CSV's and JSON's fields come out in this order too. A narrow
     * terminal loses the client's cost first, then what the workload line and the other columns already tell:
     * dropping them keeps one readable table where splitting would put the last columns in a part of their own,
     * far from the strategy they describe.
     */
    static final List<Column> ALL = List.of(
            new Column("Strategy", "strategy", null, (s, r) -> s.strategy(), List.of(text("strategy"))),
            number("Concurrency", "conc", "requests allowed in flight at once", "concurrency", s -> s.concurrency())
                    .leftOutAt(6),
            new Column(
                            "Runs",
                            "runs",
                            null,
                            (s, r) -> runsCell(s),
                            List.of(field("runs", s -> s.runs()), field("failed_runs", s -> s.failedRuns())))
                    .leftOutAt(5),
            new Column(
                    "Mean [s]",
                    "mean ± σ",
                    null,
                    (s, r) -> meanCell(s),
                    List.of(seconds("mean_s", StrategyStats::mean), seconds("stddev_s", StrategyStats::stddev))),
            seconds("Median [s]", "median", "median_s", StrategyStats::median),
            seconds("Min [s]", null, "min_s", StrategyStats::min),
            seconds("Max [s]", null, "max_s", StrategyStats::max),
            new Column("Relative", null, null, Column::relativeCell, List.of()),
            number("OK", null, null, "ok", s -> s.ok()),
            number("Not found", null, null, "not_found", s -> s.notFound()),
            number("Errors", null, null, "errors", s -> s.errors()),
            number(
                            "Max in flight",
                            "reached",
                            "the most there were (median run)",
                            "max_in_flight",
                            s -> s.maxInFlight())
                    .leftOutAt(4),
            seconds("Ideal [s]", null, "ideal_s", StrategyStats::ideal),
            new Column(
                    "Speedup",
                    "speedup",
                    null,
                    (s, r) -> orDash(s.speedup(), Column::times),
                    List.of(field("speedup", s -> ratio(s.speedup())))),
            new Column(
                    "Efficiency",
                    "eff.",
                    null,
                    (s, r) -> efficiencyCell(s),
                    List.of(field("efficiency", s -> ratio(s.efficiency())))),
            cost(
                            "Peak threads",
                            "threads",
                            "most platform threads alive",
                            "peak_threads",
                            c -> c.peakThreads(),
                            c -> c.peakThreads())
                    .leftOutAt(3),
            cost(
                            "CPU [ms]",
                            "CPU ms",
                            "per run, by the client's threads",
                            "cpu_ms",
                            c -> millis(c.cpu()),
                            c -> c.cpu().toMillis())
                    .leftOutAt(2),
            cost(
                            "Allocated [MB]",
                            "alloc MB",
                            "per run, by the client's threads",
                            "allocated_bytes",
                            c -> c.allocatedBytes(),
                            c -> megabytes(c.allocatedBytes()))
                    .leftOutAt(1),
            cost(
                    "Peak heap [MB]",
                    null,
                    null,
                    "peak_heap_bytes",
                    c -> c.peakHeapBytes(),
                    c -> megabytes(c.peakHeapBytes())));

    /** The CSV header; also the scalar JSON fields of one strategy, in order. */
    static List<String> fieldNames() {
        return ALL.stream().flatMap(c -> c.fields().stream()).map(Field::name).toList();
    }

    /** The columns the table shows, in order. */
    static List<Column> table() {
        return ALL.stream().filter(c -> c.heading() != null).toList();
    }

    /** The table's columns a narrow terminal may leave out, in the order it does. */
    static List<Column> leftOutFirst() {
        return table().stream()
                .filter(c -> c.leftOut() > 0)
                .sorted(Comparator.comparingInt(Column::leftOut))
                .toList();
    }

    /** This column, left out {@code rank}th of the table of a narrow terminal. */
    private Column leftOutAt(int rank) {
        return new Column(markdown, heading, legend, cell, fields, rank);
    }

    String cell(StrategyStats s, Comparison r) {
        return cell.apply(s, r);
    }

    // ---- the kinds of column ----

    private static Field text(String name) {
        return new Field(name, true, StrategyStats::strategy);
    }

    private static Field field(String name, Function<StrategyStats, Object> value) {
        return new Field(name, false, s -> {
            Object v = value.apply(s);
            return v == null ? null : v.toString();
        });
    }

    private static Field seconds(String name, Function<StrategyStats, Duration> value) {
        return new Field(name, false, s -> {
            Duration d = value.apply(s);
            return d == null ? null : seconds(d);
        });
    }

    /** A whole number, the same in every format. */
    private static Column number(
            String markdown, String heading, String legend, String name, Function<StrategyStats, Object> value) {
        Field f = field(name, value);
        return new Column(markdown, heading, legend, (s, r) -> f.value().apply(s), List.of(f));
    }

    /** Seconds to the millisecond in every format, {@code -} in the tables when unknown. */
    private static Column seconds(
            String markdown, String heading, String name, Function<StrategyStats, Duration> value) {
        Field f = seconds(name, value);
        return new Column(markdown, heading, null, (s, r) -> orDash(f.value().apply(s), v -> v), List.of(f));
    }

    /** A measure of the client's cost: a raw value for scripts, a rounded one for people; unknown when not measured. */
    private static Column cost(
            String markdown,
            String heading,
            String legend,
            String name,
            Function<ClientCost, Object> value,
            Function<ClientCost, Object> shown) {
        Field f = field(name, s -> s.cost() == null ? null : value.apply(s.cost()));
        return new Column(
                markdown,
                heading,
                legend,
                (s, r) -> s.cost() == null ? "-" : shown.apply(s.cost()).toString(),
                List.of(f));
    }

    // ---- cells ----

    /** "5"; "4 of 5" when one failed run is left out; "5 failed" when every run failed (and the timings are theirs). */
    static String runsCell(StrategyStats s) {
        if (s.allFailed()) {
            return s.runs() + " failed";
        }
        return s.failedRuns() == 0 ? String.valueOf(s.runs()) : s.runs() + " of " + s.recorded();
    }

    /** "0.91", or "-" when no efficiency is claimed; the scan's table shows it too. */
    static String efficiencyCell(StrategyStats s) {
        return orDash(s.efficiency(), v -> String.format(Locale.ROOT, "%.2f", v));
    }

    /** "2.073 ± 0.010", or the mean alone for a single run. */
    static String meanCell(StrategyStats s) {
        return seconds(s.mean()) + (s.stddev() == null ? "" : " ± " + seconds(s.stddev()));
    }

    /**
     * hyperfine's Relative column, by median as the speedup and the Summary: 1.00 for the fastest, "1.04 ± 0.05" for
     * the others, "-" without a claim.
     */
    private static String relativeCell(StrategyStats s, Comparison result) {
        StrategyStats fastest = result.strategies().stream()
                .filter(StrategyStats::clean)
                .min(Comparator.comparing(StrategyStats::median))
                .orElse(null);
        if (fastest == null || !s.clean()) {
            return "-";
        }
        BenchStats.Ratio r = BenchStats.relative(s, fastest);
        return String.format(Locale.ROOT, "%.2f", r.value())
                + (r.stddev() == null || s == fastest ? "" : String.format(Locale.ROOT, " ± %.2f", r.stddev()));
    }

    // ---- numbers ----

    static String seconds(Duration d) {
        return Seconds.fixed(d, 3);
    }

    private static String ratio(Double v) {
        return v == null ? null : String.format(Locale.ROOT, "%.3f", v);
    }

    static String times(double v) {
        return String.format(Locale.ROOT, "%.2fx", v);
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    static <T> String orDash(T value, Function<T, String> format) {
        return value == null ? "-" : format.apply(value);
    }
}
