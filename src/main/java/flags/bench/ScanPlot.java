package flags.bench;

import flags.picture.ScanChart;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code flags bench --scan-m ... --plot FILE}: the scan as a {@link ScanChart}, every label saying what was run. */
final class ScanPlot {
    private ScanPlot() {}

    public static void write(ScanResult scan, Path file) throws IOException {
        ScanChart.write(chart(scan), file);
    }

    static ScanChart.Chart chart(ScanResult scan) {
        List<ScanChart.Curve> measured = new ArrayList<>();
        for (String name : scan.strategies()) {
            List<ScanChart.Point> points = new ArrayList<>();
            ScanChart.Point leaves = null;
            Integer leavesAt = scan.leavesIdealAt(name);
            for (ScanResult.Point p : scan.points()) {
                StrategyStats s = ScanResult.stats(p, name);
                if (s != null) {
                    ScanChart.Point point = new ScanChart.Point(p.maxReq(), BenchStats.seconds(s.median()));
                    points.add(point);
                    if (leavesAt != null && leavesAt == p.maxReq()) {
                        leaves = point;
                    }
                }
            }
            measured.add(new ScanChart.Curve(name, points, leaves));
        }
        return new ScanChart.Chart(
                "Median batch time against -m (log axes)",
                BenchFormat.workloadLine(scan.workload()) + "; " + BenchFormat.machineLine(scan.workload()) + "; "
                        + ScanFormat.planLine(scan.plan()),
                "-m: most requests in flight at once",
                "median batch time [s]",
                measured,
                ideal(scan),
                idealLabel(scan.workload()),
                ringsNote(scan));
    }

    /** "ringed: where a curve leaves the ideal (efficiency below 0.80): threads at m = 500; async at m = 500". */
    static String ringsNote(ScanResult scan) {
        List<String> where = new ArrayList<>();
        for (String name : scan.strategies()) {
            Integer at = scan.leavesIdealAt(name);
            if (at != null) {
                where.add(name + " at m = " + at);
            }
        }
        return where.isEmpty()
                ? null
                : String.format(
                        Locale.ROOT,
                        "ringed: where a curve leaves the ideal (efficiency below %.2f): %s",
                        ScanResult.LEAVES_IDEAL,
                        String.join("; ", where));
    }

    /** The ideal at every whole m of the scan's range: its steps (⌈N/m⌉ changes) are where waves end. */
    private static ScanChart.Curve ideal(ScanResult scan) {
        List<ScanChart.Point> points = new ArrayList<>();
        if (scan.workload().delay() != null && !scan.points().isEmpty()) {
            int from = scan.points().get(0).maxReq();
            int to = scan.points().get(scan.points().size() - 1).maxReq();
            for (int m = from; m <= to; m++) {
                Duration ideal = scan.ideal(m);
                if (!ideal.isZero() && !ideal.isNegative()) {
                    points.add(new ScanChart.Point(m, BenchStats.seconds(ideal)));
                }
            }
        }
        return new ScanChart.Curve("ideal", points, null);
    }

    static String idealLabel(Workload w) {
        if (w.delay() == null) {
            return "no ideal: the server's delay is unknown";
        }
        String wait = BenchFormat.plain(w.delay().plus(w.jitter().dividedBy(2)).multipliedBy(w.requestsPerCode()))
                .toPlainString();
        String label = String.format(Locale.ROOT, "ideal \u2308%d/m\u2309 \u00d7 %s s", w.codes(), wait);
        return w.cpuWork().isZero()
                ? label
                : label + ", bounded by " + w.cpuWork().toMillis() + " ms of CPU per code on " + w.cores() + " cores";
    }
}
