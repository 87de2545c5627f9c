package flags.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import flags.Seconds;
import flags.download.Status;
import flags.report.BatchReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code flags bench --format} and the export files: an aligned table for people (within 100 columns, or in parts
 * for a narrower terminal), CSV and JSON for scripts, a Markdown table with every column to paste into a README
 * (like hyperfine's {@code --export-markdown}). Unknown values (ideal and efficiency for a server whose delay is
 * unknown, speedup without seq, any speed claim for a strategy with failed runs, σ of a single run) are
 * {@code null} in JSON, empty in CSV and {@code -} in the tables.
 */
public enum BenchFormat {
    table,
    csv,
    json,
    markdown;

    /** The CSV header; also the scalar JSON fields of one strategy, in order. */
    public static final List<String> FIELDS = List.of(
            "strategy",
            "concurrency",
            "runs",
            "failed_runs",
            "mean_s",
            "stddev_s",
            "median_s",
            "min_s",
            "max_s",
            "ok",
            "not_found",
            "errors",
            "max_in_flight",
            "ideal_s",
            "speedup",
            "efficiency",
            "peak_threads",
            "cpu_ms",
            "allocated_bytes",
            "peak_heap_bytes");

    /** What JSON has for each strategy beyond {@link #FIELDS}: each recorded run, in the order it ran. */
    public static final List<String> PER_RUN_FIELDS = List.of("times", "exit_codes", "run_counts");

    /** The widest the table may be: it must not wrap in a terminal of 100 columns. */
    public static final int TABLE_WIDTH = 100;

    public String render(BenchResult result) {
        return render(result, Integer.MAX_VALUE);
    }

    /** As {@link #render(BenchResult)}, the table split into tables of at most {@code width} columns if it is wider. */
    public String render(BenchResult result, int width) {
        return switch (this) {
            case table -> table(result, width);
            case csv -> csv(result);
            case json -> json(result);
            case markdown -> markdown(result);
        };
    }

    // ---- for scripts ----

    static String csv(BenchResult result) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (StrategyStats s : result.strategies()) {
            out.append(csvRow(s)).append('\n');
        }
        return out.toString();
    }

    /** One strategy's CSV row, in {@link #FIELDS} order. */
    static String csvRow(StrategyStats s) {
        ClientCost c = s.cost();
        return String.join(
                ",",
                s.strategy(),
                String.valueOf(s.concurrency()),
                String.valueOf(s.runs()),
                String.valueOf(s.failedRuns()),
                seconds(s.mean()),
                orEmpty(s.stddev(), BenchFormat::seconds),
                seconds(s.median()),
                seconds(s.min()),
                seconds(s.max()),
                String.valueOf(s.ok()),
                String.valueOf(s.notFound()),
                String.valueOf(s.errors()),
                String.valueOf(s.maxInFlight()),
                orEmpty(s.ideal(), BenchFormat::seconds),
                orEmpty(s.speedup(), BenchFormat::ratio),
                orEmpty(s.efficiency(), BenchFormat::ratio),
                c == null ? "" : String.valueOf(c.peakThreads()),
                c == null ? "" : millis(c.cpu()),
                c == null ? "" : String.valueOf(c.allocatedBytes()),
                c == null ? "" : String.valueOf(c.peakHeapBytes()));
    }

    static String json(BenchResult result) {
        JsonObject o = workloadJson(result.workload());
        JsonArray strategies = new JsonArray();
        result.strategies().forEach(s -> strategies.add(strategyJson(s)));
        o.add("strategies", strategies);
        return toJson(o);
    }

    /** The workload's fields, first in every JSON document of the benchmark. */
    static JsonObject workloadJson(Workload w) {
        JsonObject o = new JsonObject();
        o.addProperty("server", w.server());
        o.add("delay_s", w.delay() == null ? JsonNull.INSTANCE : new JsonPrimitive(plain(w.delay())));
        o.add("jitter_s", w.jitter() == null ? JsonNull.INSTANCE : new JsonPrimitive(plain(w.jitter())));
        o.addProperty("codes", w.codes());
        o.addProperty("cpu_work_ms", w.cpuWork().toMillis());
        o.addProperty("cores", w.cores());
        o.addProperty("jvm", w.jvm());
        return o;
    }

    static JsonObject strategyJson(StrategyStats s) {
        JsonObject j = new JsonObject();
        ClientCost c = s.cost();
        j.addProperty("strategy", s.strategy());
        j.addProperty("concurrency", s.concurrency());
        j.addProperty("runs", s.runs());
        j.addProperty("failed_runs", s.failedRuns());
        j.add("mean_s", number(seconds(s.mean())));
        j.add("stddev_s", orNull(s.stddev(), d -> number(seconds(d))));
        j.add("median_s", number(seconds(s.median())));
        j.add("min_s", number(seconds(s.min())));
        j.add("max_s", number(seconds(s.max())));
        j.addProperty("ok", s.ok());
        j.addProperty("not_found", s.notFound());
        j.addProperty("errors", s.errors());
        j.addProperty("max_in_flight", s.maxInFlight());
        j.add("ideal_s", orNull(s.ideal(), d -> number(seconds(d))));
        j.add("speedup", orNull(s.speedup(), v -> number(ratio(v))));
        j.add("efficiency", orNull(s.efficiency(), v -> number(ratio(v))));
        j.add("peak_threads", orNull(c, v -> new JsonPrimitive(v.peakThreads())));
        j.add("cpu_ms", orNull(c, v -> number(millis(v.cpu()))));
        j.add("allocated_bytes", orNull(c, v -> new JsonPrimitive(v.allocatedBytes())));
        j.add("peak_heap_bytes", orNull(c, v -> new JsonPrimitive(v.peakHeapBytes())));
        JsonArray times = new JsonArray();
        JsonArray exits = new JsonArray();
        JsonArray counts = new JsonArray();
        for (BatchReport r : s.recordedRuns()) {
            times.add(number(seconds(r.elapsed())));
            exits.add(BenchStats.exitCode(r));
            JsonObject n = new JsonObject();
            n.addProperty("ok", r.count(Status.OK));
            n.addProperty("not_found", r.count(Status.NOT_FOUND));
            n.addProperty("errors", r.count(Status.ERROR));
            n.addProperty("not_done", r.notDone());
            counts.add(n);
        }
        j.add("times", times);
        j.add("exit_codes", exits);
        j.add("run_counts", counts);
        return j;
    }

    static String toJson(JsonObject o) {
        // Built here, not in a static field: picocli loads this enum to parse --format, and Gson's hundred
        // classes would then load on every start-up, --help included.
        Gson gson = new GsonBuilder()
                .serializeNulls()
                .disableHtmlEscaping()
                .setPrettyPrinting()
                .create();
        return gson.toJson(o) + "\n";
    }

    // ---- for people ----

    private static final List<String> HEADINGS = List.of(
            "strategy",
            "conc",
            "runs",
            "mean ± σ",
            "median",
            "reached",
            "speedup",
            "eff.",
            "threads",
            "CPU ms",
            "alloc MB");
    /** What the short headings mean, under the table. */
    private static final String LEGEND = """
            conc: requests allowed in flight at once; reached: the most there were (median run);
            threads: most platform threads alive; CPU ms, alloc MB: per run, by the client's threads
            """;

    /** The workload and machine, the columns aligned, the counts of the median runs and what the headings mean. */
    static String table(BenchResult result) {
        return table(result, Integer.MAX_VALUE);
    }

    static String table(BenchResult result, int width) {
        List<List<String>> rows = new ArrayList<>();
        result.strategies().forEach(s -> rows.add(tableCells(s)));
        List<List<Integer>> columns = new ArrayList<>();
        for (int i = 1; i < HEADINGS.size(); i++) {
            columns.add(List.of(i));
        }
        return wrap(workloadLine(result.workload()), width) + "\n"
                + wrap(machineLine(result.workload()) + "; times in seconds", width) + "\n\n"
                + aligned(HEADINGS, rows, true, width, columns) + "\n"
                + wrap(countsLine(result.strategies()), width) + "\n" + wrap(LEGEND, width);
    }

    /**
     * As {@link #aligned(List, List, boolean)}, in as many tables as it takes for each to fit in {@code width}
     * columns, one under another, each starting with the first column. {@code groups} lists the other columns in
     * order, those of one group kept in one table.
     */
    static String aligned(
            List<String> headings,
            List<List<String>> rows,
            boolean firstIsText,
            int width,
            List<List<Integer>> groups) {
        int[] widths = widths(headings, rows);
        List<List<Integer>> tables = new ArrayList<>();
        List<Integer> table = new ArrayList<>(List.of(0));
        int used = widths[0];
        for (List<Integer> group : groups) {
            int more = group.stream().mapToInt(i -> 2 + widths[i]).sum();
            if (table.size() > 1 && used + more > width) {
                tables.add(table);
                table = new ArrayList<>(List.of(0));
                used = widths[0];
            }
            table.addAll(group);
            used += more;
        }
        tables.add(table);
        List<String> out = new ArrayList<>();
        for (List<Integer> t : tables) {
            if (t.size() == 1 && tables.size() > 1) {
                continue; // no group was given for it: a part with the first column alone says nothing
            }
            out.add(aligned(
                    pick(headings, t), rows.stream().map(r -> pick(r, t)).toList(), firstIsText));
        }
        return String.join("\n", out);
    }

    private static List<String> pick(List<String> cells, List<Integer> columns) {
        return columns.stream().map(cells::get).toList();
    }

    /** Each line of {@code text} broken at spaces into lines of at most {@code width} columns where it can be. */
    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.length() <= width) {
                out.append(line).append('\n');
                continue;
            }
            StringBuilder current = new StringBuilder();
            for (String word : line.split(" ")) {
                if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                    out.append(current).append('\n');
                    current.setLength(0);
                }
                current.append(current.length() > 0 ? " " : "").append(word);
            }
            out.append(current).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static int[] widths(List<String> headings, List<List<String>> rows) {
        int[] width = new int[headings.size()];
        for (List<String> row : concat(headings, rows)) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        return width;
    }

    private static List<List<String>> concat(List<String> headings, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(headings);
        all.addAll(rows);
        return all;
    }

    /** Columns aligned, two spaces apart, numbers right-aligned, and the first column left-aligned if it is text. */
    static String aligned(List<String> headings, List<List<String>> rows, boolean firstIsText) {
        List<List<String>> all = concat(headings, rows);
        int[] width = widths(headings, rows);
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i == 0 && firstIsText ? cell + pad : pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static List<String> tableCells(StrategyStats s) {
        ClientCost c = s.cost();
        return List.of(
                s.strategy(),
                String.valueOf(s.concurrency()),
                runsCell(s),
                meanCell(s),
                seconds(s.median()),
                String.valueOf(s.maxInFlight()),
                orDash(s.speedup(), BenchFormat::times),
                orDash(s.efficiency(), v -> String.format(Locale.ROOT, "%.2f", v)),
                c == null ? "-" : String.valueOf(c.peakThreads()),
                c == null ? "-" : String.valueOf(c.cpu().toMillis()),
                c == null ? "-" : megabytes(c.allocatedBytes()));
    }

    /** "median runs: 194 ok, 482 not found" when every strategy's median run agrees, else strategy by strategy. */
    static String countsLine(List<StrategyStats> strategies) {
        Set<String> distinct = new LinkedHashSet<>();
        strategies.forEach(s -> distinct.add(counts(s)));
        if (distinct.size() == 1) {
            return "median runs: " + distinct.iterator().next();
        }
        List<String> each =
                strategies.stream().map(s -> s.strategy() + " " + counts(s)).toList();
        return "median runs: " + String.join("; ", each);
    }

    private static String counts(StrategyStats s) {
        List<String> parts = new ArrayList<>();
        parts.add(s.ok() + " ok");
        if (s.notFound() > 0) {
            parts.add(s.notFound() + " not found");
        }
        if (s.errors() > 0) {
            parts.add(s.errors() + (s.errors() == 1 ? " error" : " errors"));
        }
        return String.join(", ", parts);
    }

    /** hyperfine's Markdown shape, every column: a header row, an alignment row, one row per strategy in backticks. */
    static String markdown(BenchResult result) {
        List<String> headings = List.of(
                "Strategy",
                "Concurrency",
                "Runs",
                "Mean [s]",
                "Median [s]",
                "Min [s]",
                "Max [s]",
                "Relative",
                "OK",
                "Not found",
                "Errors",
                "Max in flight",
                "Ideal [s]",
                "Speedup",
                "Efficiency",
                "Peak threads",
                "CPU [ms]",
                "Allocated [MB]",
                "Peak heap [MB]");
        StringBuilder out = new StringBuilder(markdownHeader(headings));
        StrategyStats fastest = result.strategies().stream()
                .filter(StrategyStats::clean)
                .min(Comparator.comparing(StrategyStats::median))
                .orElse(null);
        for (StrategyStats s : result.strategies()) {
            ClientCost c = s.cost();
            List<String> cells = List.of(
                    "`" + s.strategy() + "`",
                    String.valueOf(s.concurrency()),
                    runsCell(s),
                    meanCell(s),
                    seconds(s.median()),
                    seconds(s.min()),
                    seconds(s.max()),
                    relativeCell(s, fastest),
                    String.valueOf(s.ok()),
                    String.valueOf(s.notFound()),
                    String.valueOf(s.errors()),
                    String.valueOf(s.maxInFlight()),
                    orDash(s.ideal(), BenchFormat::seconds),
                    orDash(s.speedup(), BenchFormat::times),
                    orDash(s.efficiency(), v -> String.format(Locale.ROOT, "%.2f", v)),
                    c == null ? "-" : String.valueOf(c.peakThreads()),
                    c == null ? "-" : String.valueOf(c.cpu().toMillis()),
                    c == null ? "-" : megabytes(c.allocatedBytes()),
                    c == null ? "-" : megabytes(c.peakHeapBytes()));
            out.append(markdownRow(cells));
        }
        return out.toString();
    }

    static String markdownHeader(List<String> headings) {
        return "| " + String.join(" | ", headings) + " |\n|:---|" + "---:|".repeat(headings.size() - 1) + "\n";
    }

    static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    /**
     * hyperfine's Relative column, by median as the speedup and the Summary: 1.00 for the fastest, "1.04 ± 0.05" for
     * the others, "-" without a claim.
     */
    private static String relativeCell(StrategyStats s, StrategyStats fastest) {
        if (fastest == null || !s.clean()) {
            return "-";
        }
        BenchStats.Ratio r = BenchStats.relative(s, fastest);
        return String.format(Locale.ROOT, "%.2f", r.value())
                + (r.stddev() == null || s == fastest ? "" : String.format(Locale.ROOT, " ± %.2f", r.stddev()));
    }

    /** "20 codes from EMBEDDED (delay 0.1 s, jitter 0 s)": what was downloaded, from where. */
    static String workloadLine(Workload w) {
        String timing = w.delay() == null
                ? "delay unknown: no ideal, no efficiency"
                : String.format(
                        Locale.ROOT,
                        "delay %s s, jitter %s s",
                        plain(w.delay()).toPlainString(),
                        plain(w.jitter()).toPlainString());
        String requests = w.requestsPerCode() == 1 ? "" : ", " + w.requestsPerCode() + " requests per code";
        String work = w.cpuWork().isZero() ? "" : ", " + w.cpuWork().toMillis() + " ms of CPU work per code";
        return String.format(
                Locale.ROOT,
                "%d code%s from %s (%s%s%s)",
                w.codes(),
                w.codes() == 1 ? "" : "s",
                w.server(),
                timing,
                requests,
                work);
    }

    /** "2 cores, Java 17.0.15 (Debian)": what it ran on. */
    static String machineLine(Workload w) {
        return w.cores() + (w.cores() == 1 ? " core, " : " cores, ") + w.jvm();
    }

    /** "5"; "4 of 5" when one failed run is left out; "5 failed" when every run failed (and the timings are theirs). */
    static String runsCell(StrategyStats s) {
        if (s.allFailed()) {
            return s.runs() + " failed";
        }
        return s.failedRuns() == 0 ? String.valueOf(s.runs()) : s.runs() + " of " + s.recorded();
    }

    /** "2.073 ± 0.010", or the mean alone for a single run. */
    static String meanCell(StrategyStats s) {
        return seconds(s.mean()) + (s.stddev() == null ? "" : " ± " + seconds(s.stddev()));
    }

    // ---- numbers ----

    static String seconds(Duration d) {
        return Seconds.fixed(d, 3);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String times(double v) {
        return String.format(Locale.ROOT, "%.2fx", v);
    }

    static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.1f", d.toNanos() / 1e6);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }

    /** Seconds without trailing zeros: 0.1, 0, 2.5. */
    static BigDecimal plain(Duration d) {
        return Seconds.decimal(d);
    }

    static JsonPrimitive number(String decimal) {
        return new JsonPrimitive(new BigDecimal(decimal));
    }

    private static <T> JsonElement orNull(T value, Function<T, JsonElement> json) {
        return value == null ? JsonNull.INSTANCE : json.apply(value);
    }

    private static <T> String orEmpty(T value, Function<T, String> format) {
        return value == null ? "" : format.apply(value);
    }

    static <T> String orDash(T value, Function<T, String> format) {
        return value == null ? "-" : format.apply(value);
    }
}
