package flags.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code flags bench --format}: an aligned table for people, CSV and JSON for scripts (the field names of
 * SPEC §6), and a Markdown table to paste into a README (like hyperfine's {@code --export-markdown}).
 * Unknown values (ideal and efficiency for a server whose delay is unknown, speedup without seq) are
 * {@code null} in JSON, empty in CSV and {@code -} in the tables.
 */
public enum BenchFormat {
    table, csv, json, markdown;

    /** The JSON field names of one strategy, in order; also the CSV header. */
    public static final List<String> FIELDS = List.of("strategy", "concurrency", "runs", "median_s", "min_s",
            "max_s", "ok", "not_found", "errors", "max_in_flight", "ideal_s", "speedup", "efficiency");


    public String render(BenchResult result) {
        return switch (this) {
            case table -> table(result);
            case csv -> csv(result);
            case json -> json(result);
            case markdown -> markdown(result);
        };
    }

    // ---- for scripts ----

    static String csv(BenchResult result) {
        StringBuilder out = new StringBuilder(String.join(",", FIELDS)).append('\n');
        for (StrategyStats s : result.strategies()) {
            out.append(String.join(",", s.strategy(), String.valueOf(s.concurrency()), String.valueOf(s.runs()),
                    seconds(s.median()), seconds(s.min()), seconds(s.max()), String.valueOf(s.ok()),
                    String.valueOf(s.notFound()), String.valueOf(s.errors()), String.valueOf(s.maxInFlight()),
                    orEmpty(s.ideal(), BenchFormat::seconds), orEmpty(s.speedup(), BenchFormat::ratio),
                    orEmpty(s.efficiency(), BenchFormat::ratio))).append('\n');
        }
        return out.toString();
    }

    static String json(BenchResult result) {
        Workload w = result.workload();
        JsonObject o = new JsonObject();
        o.addProperty("server", w.server());
        o.add("delay_s", w.delay() == null ? JsonNull.INSTANCE : new JsonPrimitive(plain(w.delay())));
        o.add("jitter_s", w.jitter() == null ? JsonNull.INSTANCE : new JsonPrimitive(plain(w.jitter())));
        o.addProperty("codes", w.codes());
        JsonArray strategies = new JsonArray();
        for (StrategyStats s : result.strategies()) {
            JsonObject j = new JsonObject();
            j.addProperty("strategy", s.strategy());
            j.addProperty("concurrency", s.concurrency());
            j.addProperty("runs", s.runs());
            j.add("median_s", number(seconds(s.median())));
            j.add("min_s", number(seconds(s.min())));
            j.add("max_s", number(seconds(s.max())));
            j.addProperty("ok", s.ok());
            j.addProperty("not_found", s.notFound());
            j.addProperty("errors", s.errors());
            j.addProperty("max_in_flight", s.maxInFlight());
            j.add("ideal_s", s.ideal() == null ? JsonNull.INSTANCE : number(seconds(s.ideal())));
            j.add("speedup", s.speedup() == null ? JsonNull.INSTANCE : number(ratio(s.speedup())));
            j.add("efficiency", s.efficiency() == null ? JsonNull.INSTANCE : number(ratio(s.efficiency())));
            strategies.add(j);
        }
        o.add("strategies", strategies);
        // Built here, not in a static field: picocli loads this enum to parse --format, and Gson's hundred
        // classes would then load on every start-up, --help included.
        Gson gson = new GsonBuilder().serializeNulls().disableHtmlEscaping().setPrettyPrinting().create();
        return gson.toJson(o) + "\n";
    }

    // ---- for people ----

    private static final List<String> HEADINGS = List.of("strategy", "concurrency", "runs", "median [s]",
            "min [s]", "max [s]", "ok", "not found", "errors", "max in flight", "ideal [s]", "speedup", "efficiency");

    /** A line about the workload, then the columns aligned (text left, numbers right). */
    static String table(BenchResult result) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        result.strategies().forEach(s -> rows.add(cells(s)));
        int[] width = new int[HEADINGS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder(workloadLine(result.workload())).append("\n\n");
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                String pad = " ".repeat(width[i] - cell.length());
                line.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** hyperfine's Markdown shape: a header row, an alignment row, one row per strategy in backticks. */
    static String markdown(BenchResult result) {
        List<String> headings = List.of("Strategy", "Concurrency", "Runs", "Median [s]", "Min [s]", "Max [s]",
                "OK", "Not found", "Errors", "Max in flight", "Ideal [s]", "Speedup", "Efficiency");
        StringBuilder out = new StringBuilder("| ").append(String.join(" | ", headings)).append(" |\n|:---|");
        out.append("---:|".repeat(headings.size() - 1)).append('\n');
        for (StrategyStats s : result.strategies()) {
            List<String> cells = new ArrayList<>(cells(s));
            cells.set(0, "`" + s.strategy() + "`");
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return out.toString();
    }

    static String workloadLine(Workload w) {
        String timing = w.delay() == null ? "delay unknown: no ideal, no efficiency"
                : String.format(Locale.ROOT, "delay %s s, jitter %s s", plain(w.delay()).toPlainString(),
                        plain(w.jitter()).toPlainString());
        String requests = w.requestsPerCode() == 1 ? "" : ", " + w.requestsPerCode() + " requests per code";
        return String.format(Locale.ROOT, "%d code%s from %s (%s%s)", w.codes(), w.codes() == 1 ? "" : "s",
                w.server(), timing, requests);
    }

    private static List<String> cells(StrategyStats s) {
        return List.of(s.strategy(), String.valueOf(s.concurrency()), runsCell(s), seconds(s.median()),
                seconds(s.min()), seconds(s.max()), String.valueOf(s.ok()), String.valueOf(s.notFound()),
                String.valueOf(s.errors()), String.valueOf(s.maxInFlight()), orDash(s.ideal(), BenchFormat::seconds),
                orDash(s.speedup(), v -> String.format(Locale.ROOT, "%.2fx", v)),
                orDash(s.efficiency(), v -> String.format(Locale.ROOT, "%.2f", v)));
    }

    /** "5", "4 (+1 failed)", or "5 (all failed)": failed runs are always in sight. */
    static String runsCell(StrategyStats s) {
        if (s.allFailed()) {
            return s.runs() + " (all failed)";
        }
        return s.failedRuns() == 0 ? String.valueOf(s.runs()) : s.runs() + " (+" + s.failedRuns() + " failed)";
    }

    // ---- numbers ----

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", BenchStats.seconds(d));
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** Seconds without trailing zeros: 0.1, 0, 2.5. */
    private static BigDecimal plain(Duration d) {
        BigDecimal s = BigDecimal.valueOf(d.toNanos()).movePointLeft(9).stripTrailingZeros();
        return new BigDecimal(s.setScale(Math.max(0, s.scale()), RoundingMode.UNNECESSARY).toPlainString());
    }

    private static JsonPrimitive number(String decimal) {
        return new JsonPrimitive(new BigDecimal(decimal));
    }

    private static <T> String orEmpty(T value, Function<T, String> format) {
        return value == null ? "" : format.apply(value);
    }

    private static <T> String orDash(T value, Function<T, String> format) {
        return value == null ? "-" : format.apply(value);
    }
}
