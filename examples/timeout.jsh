// result(timeout): stop waiting, not the work. get(timeout) throws TimeoutException and the download goes on.
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/timeout.jsh
import flags.download.*
import flags.server.*
import java.nio.file.*
import java.time.Duration
import java.util.concurrent.*

int passed = 0;
void check(boolean holds, String what) { if (holds) passed++; else System.out.println("FAILED: " + what); }

// The embedded server of the download commands, on a free port; it holds every answer 1 s.
var server = FlagServer.start(ServerConfig.embedded(Duration.ofSeconds(1), Duration.ZERO, 0))
Path dir = Files.createTempDirectory("flags-example")
var client = FlagClient.forServer(server.baseUrl(), dir, 4)
ExecutorService pool = Executors.newFixedThreadPool(4)

// future.result(timeout=0.2) in Python: get(200, MILLISECONDS) here. Both give up waiting, neither cancels.
Future<DownloadResult> future = null
boolean timedOut = false
{
    future = pool.submit(() -> client.downloadOne("JP"));
    try {
        future.get(200, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
        timedOut = true;
        System.out.println("get(0.2 s): TimeoutException; isDone() = " + future.isDone() + ", isCancelled() = " + future.isCancelled());
    }
}
DownloadResult result = future.get() // the download went on: waiting again gets its result
System.out.println("get():      " + result.cc() + " " + result.status().label() + ", " + dir.relativize(result.file()) + " saved, " + result.bytes() + " bytes")
check(timedOut && result.status() == Status.OK && Files.exists(result.file()), "get(timeout) timed out, then get() returned JP saved")

// The opposite: flags' --timeout is a deadline on each request, which cancels the request when it passes
// (try `target/flags async -v --delay 1 --timeout 0.3 --retries 0 BR`: "error: timeout after 0.3s").

pool.shutdown()
server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 1 ? 0 : 1
