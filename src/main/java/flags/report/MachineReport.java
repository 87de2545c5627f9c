package flags.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import flags.Attempt;
import flags.Seconds;
import flags.download.DownloadResult;
import flags.download.Status;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/** {@code --format csv|json}: the batch as data for scripts, with field names that stay put. */
public final class MachineReport {
    /** A new column goes last, so a script that reads columns by position keeps working. */
    public static final String CSV_HEADER =
            "strategy,concurrency,requested,ok,not_found,errors,not_done,elapsed_s,max_in_flight";

    private static final Gson GSON = new GsonBuilder()
            .serializeNulls()
            .disableHtmlEscaping()
            .setPrettyPrinting()
            .create();

    private MachineReport() {}

    /** A header line and one row. */
    public static String csv(BatchReport r) {
        return CSV_HEADER + "\n"
                + String.join(
                        ",",
                        r.strategy(),
                        String.valueOf(r.concurrency()),
                        String.valueOf(r.requested().size()),
                        String.valueOf(r.count(Status.OK)),
                        String.valueOf(r.count(Status.NOT_FOUND)),
                        String.valueOf(r.count(Status.ERROR)),
                        String.valueOf(r.notDone()),
                        seconds(r.elapsed()),
                        String.valueOf(r.maxInFlight()))
                + "\n";
    }

    /** One object: the CSV fields and one item per code requested, with each request's span. */
    public static String json(BatchReport r) {
        JsonObject o = new JsonObject();
        o.addProperty("strategy", r.strategy());
        o.addProperty("concurrency", r.concurrency());
        o.addProperty("requested", r.requested().size());
        o.addProperty("ok", r.count(Status.OK));
        o.addProperty("not_found", r.count(Status.NOT_FOUND));
        o.addProperty("errors", r.count(Status.ERROR));
        o.addProperty("not_done", r.notDone());
        o.add("elapsed_s", new JsonPrimitive(new BigDecimal(seconds(r.elapsed()))));
        o.addProperty("max_in_flight", r.maxInFlight());
        JsonArray items = new JsonArray();
        for (DownloadResult d : r.results()) {
            items.add(item(d));
        }
        o.add("items", items);
        return GSON.toJson(o) + "\n";
    }

    private static JsonObject item(DownloadResult d) {
        JsonObject i = new JsonObject();
        i.addProperty("cc", d.cc());
        i.addProperty("status", d.status().label());
        i.addProperty("http_status", d.httpStatus() == 0 ? null : d.httpStatus());
        i.addProperty("bytes", d.bytes());
        i.addProperty("file", d.file() == null ? null : d.file().toString());
        i.addProperty("attempts", d.attempts());
        i.add("started_ms", millis(d.started()));
        i.add("ended_ms", millis(d.ended()));
        JsonArray requests = new JsonArray();
        for (Attempt a : d.requests()) {
            JsonArray span = new JsonArray();
            span.add(millis(a.start()));
            span.add(millis(a.end()));
            requests.add(span);
        }
        i.add("attempts_ms", requests);
        i.addProperty("url", d.url());
        i.addProperty("error", d.error());
        return i;
    }

    static String seconds(Duration d) {
        return Seconds.fixed(d, 3);
    }

    private static JsonElement millis(Duration d) {
        return d == null
                ? JsonNull.INSTANCE
                : new JsonPrimitive(
                        BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(3, RoundingMode.HALF_UP));
    }
}
