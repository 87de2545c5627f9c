package flags.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A concurrency scan in each {@link BenchFormat}: the table and Markdown show, per {@code -m}, the ideal and each
 * strategy's median and efficiency; CSV has one row per {@code -m} and strategy; JSON keeps every point's whole
 * benchmark.
 */
final class ScanFormat {
    private ScanFormat() {}

    public static String render(BenchFormat format, ScanResult scan) {
        return render(format, scan, Integer.MAX_VALUE);
    }

    /** As {@link #render(BenchFormat, ScanResult)}, the table split to fit in {@code width} columns if it is wider. */
    public static String render(BenchFormat format, ScanResult scan, int width) {
        return switch (format) {
            case table -> table(scan, width);
            case csv -> csv(scan);
            case json -> json(scan);
            case markdown -> markdown(scan);
        };
    }

    static String table(ScanResult scan) {
        return table(scan, Integer.MAX_VALUE);
    }

    static String table(ScanResult scan, int width) {
        List<String> headings = new ArrayList<>(List.of("m", "ideal"));
        List<List<Integer>> groups = new ArrayList<>(List.of(List.of(1)));
        for (String s : scan.strategies()) {
            groups.add(List.of(headings.size(), headings.size() + 1)); // a strategy's median and efficiency
            headings.add(s);
            headings.add("eff.");
        }
        List<List<String>> rows = new ArrayList<>();
        for (ScanResult.Point p : scan.points()) {
            rows.add(cells(scan, p, false));
        }
        String head = BenchFormat.workloadLine(scan.workload()) + "\n" + BenchFormat.machineLine(scan.workload()) + "; "
                + planLine(scan.plan()) + "\nmedian seconds; eff. = ideal / median\n";
        return AlignedTable.wrap(head, width) + "\n"
                + AlignedTable.render(headings, rows, false, width, groups) + "\n"
                + AlignedTable.wrap(String.join("\n", notes(scan)), width) + "\n";
    }

    static String markdown(ScanResult scan) {
        List<String> headings = new ArrayList<>(List.of("m", "Ideal [s]"));
        for (String s : scan.strategies()) {
            headings.add("`" + s + "` median [s]");
            headings.add("`" + s + "` efficiency");
        }
        StringBuilder out = new StringBuilder(BenchFormat.markdownHeader(headings));
        for (ScanResult.Point p : scan.points()) {
            out.append(BenchFormat.markdownRow(cells(scan, p, true)));
        }
        return out.toString();
    }

    private static List<String> cells(ScanResult scan, ScanResult.Point p, boolean markdown) {
        List<String> row = new ArrayList<>();
        row.add(String.valueOf(p.maxReq()));
        row.add(Column.orDash(scan.ideal(p.maxReq()), Column::seconds));
        for (String name : scan.strategies()) {
            StrategyStats s = ScanResult.stats(p, name);
            row.add(
                    s == null
                            ? "-"
                            : Column.seconds(s.median()) + (s.clean() ? "" : markdown ? " (failed runs)" : "!"));
            row.add(s == null ? "-" : Column.efficiencyCell(s));
        }
        return row;
    }

    /** Where each strategy leaves the ideal, and what a "!" means. */
    static List<String> notes(ScanResult scan) {
        List<String> lines = new ArrayList<>();
        if (scan.workload().delay() != null) {
            for (String s : scan.strategies()) {
                Integer at = scan.leavesIdealAt(s);
                lines.add(
                        at == null
                                ? String.format(
                                        Locale.ROOT,
                                        "%s stays within %.2f of the ideal at every m scanned",
                                        s,
                                        ScanResult.LEAVES_IDEAL)
                                : String.format(
                                        Locale.ROOT,
                                        "%s leaves the ideal (efficiency below %.2f) at m = %d",
                                        s,
                                        ScanResult.LEAVES_IDEAL,
                                        at));
            }
        }
        boolean failed = scan.points().stream()
                .anyMatch(p -> p.result().strategies().stream().anyMatch(s -> !s.clean()));
        if (failed) {
            lines.add("!: failed runs at that point, so no efficiency is claimed");
        }
        return lines;
    }

    static String planLine(BenchPlan plan) {
        return String.format(
                Locale.ROOT,
                "%d warm-up%s + %d run%s per strategy and m",
                plan.warmup(),
                plan.warmup() == 1 ? "" : "s",
                plan.runs(),
                plan.runs() == 1 ? "" : "s");
    }

    static String csv(ScanResult scan) {
        StringBuilder out = new StringBuilder("max_req,")
                .append(String.join(",", BenchFormat.FIELDS))
                .append('\n');
        for (ScanResult.Point p : scan.points()) {
            for (StrategyStats s : p.result().strategies()) {
                out.append(p.maxReq()).append(',').append(BenchFormat.csvRow(s)).append('\n');
            }
        }
        return out.toString();
    }

    static String json(ScanResult scan) {
        JsonObject o = BenchFormat.workloadJson(scan.workload());
        o.addProperty("warmup", scan.plan().warmup());
        o.addProperty("runs", scan.plan().runs());
        JsonArray points = new JsonArray();
        for (ScanResult.Point p : scan.points()) {
            JsonObject point = new JsonObject();
            point.addProperty("max_req", p.maxReq());
            Duration ideal = scan.ideal(p.maxReq());
            point.add("ideal_s", ideal == null ? JsonNull.INSTANCE : BenchFormat.number(Column.seconds(ideal)));
            JsonArray strategies = new JsonArray();
            p.result().strategies().forEach(s -> strategies.add(BenchFormat.strategyJson(s)));
            point.add("strategies", strategies);
            points.add(point);
        }
        o.add("scan", points);
        return BenchFormat.toJson(o);
    }
}
