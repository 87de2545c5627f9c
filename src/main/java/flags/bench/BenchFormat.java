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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    public static final List<String> FIELDS = Column.fieldNames();

    /** A value JSON has for each recorded run of a strategy: an array of them, in the order the runs ran. */
    private record RunField(String name, Function<BatchReport, JsonElement> value) {}

    private static final List<RunField> RUN_FIELDS = List.of(
            new RunField("times", r -> number(Column.seconds(r.elapsed()))),
            new RunField("exit_codes", r -> new JsonPrimitive(BenchStats.exitCode(r))),
            new RunField("run_counts", BenchFormat::runCounts));

    /** What JSON has for each strategy beyond {@link #FIELDS}: each recorded run, in the order it ran. */
    public static final List<String> PER_RUN_FIELDS =
            RUN_FIELDS.stream().map(RunField::name).toList();

    /** The widest the table may be: it must not wrap in a terminal of 100 columns. */
    public static final int TABLE_WIDTH = 100;

    public String render(Comparison result) {
        return render(result, Integer.MAX_VALUE);
    }

    /** As {@link #render(Comparison)}, the table split into tables of at most {@code width} columns if it is wider. */
    public String render(Comparison result, int width) {
        return switch (this) {
            case table -> table(result, width);
            case csv -> csv(result);
            case json -> json(result);
            case markdown -> markdown(result);
        };
    }

    // ---- for scripts ----

    static String csv(Comparison result) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (StrategyStats s : result.strategies()) {
            out.append(csvRow(s)).append('\n');
        }
        return out.toString();
    }

    /** One strategy's CSV row, in {@link #FIELDS} order. */
    static String csvRow(StrategyStats s) {
        return String.join(
                ",",
                Column.ALL.stream()
                        .flatMap(c -> c.fields().stream())
                        .map(f -> {
                            String v = f.value().apply(s);
                            return v == null ? "" : v;
                        })
                        .toList());
    }

    static String json(Comparison result) {
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
        for (Column column : Column.ALL) {
            for (Column.Field f : column.fields()) {
                String v = f.value().apply(s);
                j.add(f.name(), v == null ? JsonNull.INSTANCE : f.text() ? new JsonPrimitive(v) : number(v));
            }
        }
        for (RunField field : RUN_FIELDS) {
            JsonArray values = new JsonArray();
            s.recordedRuns().forEach(r -> values.add(field.value().apply(r)));
            j.add(field.name(), values);
        }
        return j;
    }

    /** How each code of a run ended, counted. */
    private static JsonObject runCounts(BatchReport r) {
        JsonObject n = new JsonObject();
        n.addProperty("ok", r.count(Status.OK));
        n.addProperty("not_found", r.count(Status.NOT_FOUND));
        n.addProperty("errors", r.count(Status.ERROR));
        n.addProperty("not_done", r.notDone());
        return n;
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

    /** The workload and machine, the columns aligned, the counts of the median runs and what the headings mean. */
    static String table(Comparison result) {
        return table(result, Integer.MAX_VALUE);
    }

    /**
     * As {@link #table(Comparison)} within {@code width} columns: the columns a narrow terminal may lose
     * ({@link Column#leftOutFirst()}) left out one by one until the table fits, and named under it; split in parts
     * only when even the rest is too wide.
     */
    static String table(Comparison result, int width) {
        List<Column> shown = new ArrayList<>(Column.table());
        List<String> left = new ArrayList<>();
        for (Column c : Column.leftOutFirst()) {
            if (tableWidth(shown, result) <= width) {
                break;
            }
            shown.remove(c);
            left.add(0, c.heading());
        }
        List<String> headings = shown.stream().map(Column::heading).toList();
        List<List<String>> rows = result.strategies().stream()
                .map(s -> shown.stream().map(c -> c.cell(s, result)).toList())
                .toList();
        List<List<Integer>> parts = new ArrayList<>();
        for (int i = 1; i < headings.size(); i++) {
            parts.add(List.of(i));
        }
        int prose = Math.min(width, TABLE_WIDTH);
        String notes = countsLine(result.strategies()) + "\n" + legend(shown);
        if (!left.isEmpty()) {
            notes += "\nleft out at this width: " + String.join(", ", left) + " (all in --format markdown)";
        }
        return AlignedTable.wrap(workloadLine(result.workload()), prose) + "\n"
                + AlignedTable.wrap(machineLine(result.workload()) + "; times in seconds", prose) + "\n\n"
                + AlignedTable.render(headings, rows, true, width, parts) + "\n"
                + AlignedTable.wrap(notes, prose) + "\n";
    }

    private static int tableWidth(List<Column> columns, Comparison result) {
        return AlignedTable.width(
                columns.stream().map(Column::heading).toList(),
                result.strategies().stream()
                        .map(s -> columns.stream().map(c -> c.cell(s, result)).toList())
                        .toList());
    }

    /** What the short headings shown mean: "conc: requests allowed in flight at once; ...", one meaning once. */
    private static String legend(List<Column> shown) {
        Map<String, List<String>> headingsByMeaning = new LinkedHashMap<>();
        for (Column c : shown) {
            if (c.legend() != null) {
                headingsByMeaning
                        .computeIfAbsent(c.legend(), k -> new ArrayList<>())
                        .add(c.heading());
            }
        }
        List<String> parts = new ArrayList<>();
        headingsByMeaning.forEach((meaning, headings) -> parts.add(String.join(", ", headings) + ": " + meaning));
        return String.join("; ", parts);
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
    static String markdown(Comparison result) {
        StringBuilder out = new StringBuilder(
                markdownHeader(Column.ALL.stream().map(Column::markdown).toList()));
        for (StrategyStats s : result.strategies()) {
            List<String> cells = new ArrayList<>(
                    Column.ALL.stream().map(c -> c.cell(s, result)).toList());
            cells.set(0, "`" + cells.get(0) + "`");
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

    // ---- numbers ----

    /** Seconds without trailing zeros: 0.1, 0, 2.5. */
    static BigDecimal plain(Duration d) {
        return Seconds.decimal(d);
    }

    static JsonPrimitive number(String decimal) {
        return new JsonPrimitive(new BigDecimal(decimal));
    }
}
