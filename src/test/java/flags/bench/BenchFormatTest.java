package flags.bench;

import static flags.bench.BenchFixtures.batch;
import static flags.bench.BenchFixtures.ms;
import static flags.bench.BenchFixtures.ok;
import static flags.bench.BenchFixtures.runs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BenchFormatTest {
    private static final Workload EMBEDDED = new Workload("EMBEDDED", ms(100), Duration.ZERO, 4, 1);

    private static BenchResult result() {
        return BenchStats.compute(EMBEDDED, List.of(runs("seq", 1, 400, 500, 450), runs("async", 4, 100, 125, 110)));
    }

    @Test
    void csvIsAHeaderAndOneRowPerStrategy() {
        List<String> lines = BenchFormat.csv.render(result()).lines().toList();
        assertEquals(List.of(
                "strategy,concurrency,runs,median_s,min_s,max_s,ok,not_found,errors,max_in_flight,ideal_s,speedup,efficiency",
                "seq,1,3,0.450,0.400,0.500,4,0,0,1,0.400,1.000,0.889",
                "async,4,3,0.110,0.100,0.125,4,0,0,4,0.100,4.091,0.909"), lines);
    }

    @Test
    void csvLeavesUnknownValuesEmpty() {
        BenchResult r = BenchStats.compute(new Workload("http://example.com/flags", null, null, 4, 1),
                List.of(runs("async", 4, 100)));
        assertEquals("async,4,1,0.100,0.100,0.100,4,0,0,4,,,", BenchFormat.csv.render(r).lines().toList().get(1));
    }

    @Test
    void jsonHasExactlyTheFieldsOfTheSpec() {
        JsonObject o = JsonParser.parseString(BenchFormat.json.render(result())).getAsJsonObject();
        assertEquals(Set.of("server", "delay_s", "jitter_s", "codes", "strategies"), o.keySet());
        assertEquals("EMBEDDED", o.get("server").getAsString());
        assertEquals(0.1, o.get("delay_s").getAsDouble(), 1e-9);
        assertEquals(0, o.get("jitter_s").getAsDouble(), 1e-9);
        assertEquals(4, o.get("codes").getAsInt());
        JsonArray strategies = o.getAsJsonArray("strategies");
        assertEquals(2, strategies.size());
        for (var e : strategies) {
            assertEquals(Set.copyOf(BenchFormat.FIELDS), e.getAsJsonObject().keySet());
        }
        JsonObject async = strategies.get(1).getAsJsonObject();
        assertEquals("async", async.get("strategy").getAsString());
        assertEquals(4, async.get("concurrency").getAsInt());
        assertEquals(3, async.get("runs").getAsInt());
        assertEquals(0.110, async.get("median_s").getAsDouble(), 1e-9);
        assertEquals(0.100, async.get("min_s").getAsDouble(), 1e-9);
        assertEquals(0.125, async.get("max_s").getAsDouble(), 1e-9);
        assertEquals(4, async.get("ok").getAsInt());
        assertEquals(0, async.get("not_found").getAsInt());
        assertEquals(0, async.get("errors").getAsInt());
        assertEquals(4, async.get("max_in_flight").getAsInt());
        assertEquals(0.1, async.get("ideal_s").getAsDouble(), 1e-9);
        assertEquals(4.091, async.get("speedup").getAsDouble(), 1e-9);
        assertEquals(0.909, async.get("efficiency").getAsDouble(), 1e-9);
    }

    @Test
    void jsonHasNullsForAnotherServer() {
        BenchResult r = BenchStats.compute(new Workload("REMOTE", null, null, 4, 1), List.of(runs("async", 4, 100)));
        JsonObject o = JsonParser.parseString(BenchFormat.json.render(r)).getAsJsonObject();
        assertTrue(o.get("delay_s").isJsonNull());
        assertTrue(o.get("jitter_s").isJsonNull());
        JsonObject async = o.getAsJsonArray("strategies").get(0).getAsJsonObject();
        assertTrue(async.get("ideal_s").isJsonNull());
        assertTrue(async.get("speedup").isJsonNull());
        assertTrue(async.get("efficiency").isJsonNull());
    }

    @Test
    void markdownIsAHeaderAnAlignmentRowAndOneRowPerStrategy() {
        List<String> lines = BenchFormat.markdown.render(result()).lines().toList();
        assertEquals(4, lines.size());
        int columns = BenchFormat.FIELDS.size();
        for (String line : lines) {
            assertTrue(line.startsWith("| ") || line.startsWith("|:"), line);
            assertTrue(line.endsWith("|"), line);
            assertEquals(columns + 1, line.chars().filter(ch -> ch == '|').count(), line);
        }
        assertEquals("|:---|" + "---:|".repeat(columns - 1), lines.get(1));
        assertEquals("| `seq` | 1 | 3 | 0.450 | 0.400 | 0.500 | 4 | 0 | 0 | 1 | 0.400 | 1.00x | 0.89 |", lines.get(2));
        assertTrue(lines.get(3).startsWith("| `async` | 4 | 3 | 0.110 |"), lines.get(3));
    }

    @Test
    void theTableAlignsItsColumnsAndShowsUnknownsAndFailedRuns() {
        List<flags.report.BatchReport> reports = new ArrayList<>(List.of(ok("threads", 4, 100), ok("threads", 4, 120)));
        reports.add(batch("threads", 4, 10, 3, 0, 1));
        BenchResult r = BenchStats.compute(new Workload("REMOTE", null, null, 4, 1),
                List.of(new StrategyRuns("threads", 4, reports)));
        List<String> lines = BenchFormat.table.render(r).lines().toList();
        assertEquals("4 codes from REMOTE (delay unknown: no ideal, no efficiency)", lines.get(0));
        assertEquals("", lines.get(1));
        String header = lines.get(2);
        String row = lines.get(3);
        assertTrue(header.startsWith("strategy  concurrency  "), header);
        assertTrue(row.contains("2 (+1 failed)"), row);
        assertTrue(row.endsWith("-        -           -"), row);
        assertEquals(header.indexOf("median [s]") + "median [s]".length(), row.indexOf("0.110") + "0.110".length(),
                "numbers right-aligned under their heading");
    }

    @Test
    void theWorkloadLineTellsDelayJitterAndRequestsPerCode() {
        assertEquals("20 codes from EMBEDDED (delay 0.1 s, jitter 0 s)",
                BenchFormat.workloadLine(new Workload("EMBEDDED", ms(100), Duration.ZERO, 20, 1)));
        assertEquals("1 code from EMBEDDED (delay 2 s, jitter 0.5 s, 2 requests per code)",
                BenchFormat.workloadLine(new Workload("EMBEDDED", ms(2000), ms(500), 1, 2)));
    }
}
