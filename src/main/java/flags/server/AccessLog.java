package flags.server;

import flags.Seconds;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;

/**
 * One line per answer, as Python's {@code http.server} prints them: the common log format (Jetty's
 * {@link CustomRequestLog}, local time) followed by the delay applied and the requests in flight when the answer
 * was sent, e.g.
 * {@code 127.0.0.1 - - [01/Dec/2026:09:30:01 +0100] "GET /flags/br/br.gif HTTP/1.1" 200 1382 delay=0.7s in-flight=20}.
 */
final class AccessLog implements RequestLog {

    /** Request attributes {@link FlagHandler} sets for this log. */
    static final String DELAY_NANOS = "flags.delayNanos";

    static final String IN_FLIGHT = "flags.inFlight";

    static final String COMMON_FORMAT = "%{client}a - %u %{" + CustomRequestLog.DEFAULT_DATE_FORMAT + "|"
            + ZoneId.systemDefault().getId() + "|en}t \"%r\" %s %{CLF}O";

    private final Consumer<String> sink;
    private final CustomRequestLog common;
    private String commonPart; // guarded by this: what common wrote, synchronously, within log()

    AccessLog(Consumer<String> sink) {
        this.sink = sink;
        this.common = new CustomRequestLog(line -> commonPart = line, COMMON_FORMAT);
    }

    @Override
    public synchronized void log(Request request, Response response) {
        commonPart = null;
        common.log(request, response);
        if (commonPart != null) {
            sink.accept(commonPart + " delay=" + seconds(request.getAttribute(DELAY_NANOS)) + " in-flight="
                    + (request.getAttribute(IN_FLIGHT) instanceof Integer n ? n : "-"));
        }
    }

    private static String seconds(Object nanos) {
        if (!(nanos instanceof Long n)) {
            return "-"; // answered by Jetty itself (a malformed request), not by the flag routes
        }
        return Seconds.fixed(Duration.ofNanos(n), 3) + "s";
    }
}
