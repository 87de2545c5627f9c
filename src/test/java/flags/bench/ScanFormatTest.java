package flags.bench;

import static flags.bench.BenchFixtures.batch;
import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import flags.picture.ScanChart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ScanFormatTest {
    /** 4 codes at 0.1 s: ideal 0.4 s at m = 1, 0.2 at 2, 0.1 at 4. */
    private static final Workload FOUR =
            new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1, Duration.ZERO, 2, "Java 17 (Test)");

    private static ScanResult scan() {
        return new ScanResult(
                FOUR,
                new BenchPlan(1, 3),
                List.of(
                        new ScanResult.Point(
                                1,
                                BenchStats.compute(
                                        FOUR,
                                        List.of(runs("threads", 1, 410, 420, 400), runs("async", 1, 405, 400, 410)))),
                        new ScanResult.Point(
                                2,
                                BenchStats.compute(
                                        FOUR,
                                        List.of(runs("threads", 2, 210, 205, 220), runs("async", 2, 300, 290, 310)))),
                        new ScanResult.Point(
                                4,
                                BenchStats.compute(
                                        FOUR,
                                        List.of(
                                                runs("threads", 4, 110, 105, 120),
                                                runs("async", 4, List.of(batch("async", 4, 150, 3, 0, 1))))))));
    }

    @Test
    void theTableHasARowPerMWithTheIdealAndEachMedianAndEfficiency() {
        List<String> lines = ScanFormat.table(scan()).lines().toList();
        assertEquals("4 codes from EMBEDDED (delay 0.1 s, jitter 0 s)", lines.get(0));
        assertEquals("2 cores, Java 17 (Test); 1 warm-up + 3 runs per strategy and m", lines.get(1));
        assertEquals("m  ideal  threads  eff.   async  eff.", lines.get(4));
        assertEquals("1  0.400    0.410  0.98   0.405  0.99", lines.get(5));
        assertEquals("2  0.200    0.210  0.95   0.300  0.67", lines.get(6));
        assertEquals("4  0.100    0.110  0.91  0.150!     -", lines.get(7), "failed runs: no efficiency claimed");
        assertEquals(
                List.of(
                        "threads stays within 0.80 of the ideal at every m scanned",
                        "async leaves the ideal (efficiency below 0.80) at m = 2",
                        "!: failed runs at that point, so no efficiency is claimed"),
                lines.subList(9, 12));
    }

    @Test
    void aNarrowTerminalGetsTheScanInPartsWithEachStrategysMedianAndEfficiencyTogether() {
        List<String> lines =
                ScanFormat.render(BenchFormat.table, scan(), 28).lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 28), String.join("\n", lines));
        assertTrue(lines.contains("m  ideal  threads  eff."), String.join("\n", lines));
        assertTrue(lines.contains("m   async  eff."), String.join("\n", lines));
        assertTrue(lines.contains("4  0.150!     -"), String.join("\n", lines));
    }

    @Test
    void csvHasARowPerMAndStrategy() {
        List<String> lines = ScanFormat.csv(scan()).lines().toList();
        assertEquals("max_req," + String.join(",", BenchFormat.FIELDS), lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(3).startsWith("2,threads,2,3,0,"), lines.get(3));
    }

    @Test
    void jsonKeepsEveryPointsBenchmark() {
        JsonObject o = JsonParser.parseString(ScanFormat.json(scan())).getAsJsonObject();
        assertEquals(3, o.get("runs").getAsInt());
        JsonArray points = o.getAsJsonArray("scan");
        assertEquals(3, points.size());
        JsonObject last = points.get(2).getAsJsonObject();
        assertEquals(4, last.get("max_req").getAsInt());
        assertEquals(0.1, last.get("ideal_s").getAsDouble(), 1e-9);
        assertEquals(2, last.getAsJsonArray("strategies").size());
    }

    @Test
    void markdownIsTheTableToPaste() {
        List<String> lines = ScanFormat.markdown(scan()).lines().toList();
        assertEquals(
                "| m | Ideal [s] | `threads` median [s] | `threads` efficiency | `async` median [s] "
                        + "| `async` efficiency |",
                lines.get(0));
        assertEquals("| 4 | 0.100 | 0.110 | 0.91 | 0.150 (failed runs) | - |", lines.get(4));
    }

    @Test
    void thePlotHasACurvePerStrategyTheIdealAtEveryMAndTheLeavingPoint() {
        ScanChart.Chart chart = ScanPlot.chart(scan());
        assertEquals(
                List.of("threads", "async"),
                chart.measured().stream().map(ScanChart.Curve::name).toList());
        assertEquals(4, chart.ideal().points().size(), "m = 1, 2, 3, 4");
        assertEquals(0.2, chart.ideal().points().get(2).seconds(), 1e-9, "ceil(4 / 3) = 2 rounds at m = 3");
        assertEquals(null, chart.measured().get(0).leavesAt());
        assertEquals(new ScanChart.Point(2, 0.3), chart.measured().get(1).leavesAt());
        assertTrue(
                chart.workload().contains("4 codes from EMBEDDED")
                        && chart.workload().contains("Java 17 (Test)"),
                chart.workload());
        assertEquals("ideal ⌈4/m⌉ × 0.1 s", chart.idealLabel());
        assertEquals(
                "ringed: where a curve leaves the ideal (efficiency below 0.80): async at m = 2", chart.ringsNote());
    }
}
