// cancel(): a queued task never runs; a done one cannot be cancelled. Unlike Python's Future.cancel(), Java's
// also "cancels" a running task: its future says so at once, but the work goes on unless it is interrupted.
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/cancel.jsh
import flags.download.*
import flags.server.*
import java.nio.file.*
import java.time.Duration
import java.util.concurrent.*

int passed = 0;
void check(boolean holds, String what) { if (holds) passed++; else System.out.println("FAILED: " + what); }

// The embedded server of the download commands, on a free port; it holds every answer 0.5 s.
var server = FlagServer.start(ServerConfig.embedded(Duration.ofMillis(500), Duration.ZERO, 0))
Path dir = Files.createTempDirectory("flags-example")
var client = FlagClient.forServer(server.baseUrl(), dir, 4)

// One worker (max_workers=1): BR runs, CN and MX wait in the queue. One snippet, so BR is still running when
// it is cancelled (JShell compiles between snippets, which can take longer than the server's delay).
ExecutorService pool = Executors.newSingleThreadExecutor()
var brStarted = new CountDownLatch(1)
Future<DownloadResult> br = null
Future<DownloadResult> cn = null
Future<DownloadResult> mx = null
boolean cnCancelled = false
boolean brCancelled = false
{
    br = pool.submit(() -> { brStarted.countDown(); return client.downloadOne("BR"); });
    cn = pool.submit(() -> client.downloadOne("CN"));
    mx = pool.submit(() -> client.downloadOne("MX"));
    brStarted.await(10, TimeUnit.SECONDS);
    cnCancelled = cn.cancel(false);
    System.out.println("CN, queued:  cancel() = " + cnCancelled + "   (Python: True; CN will never run)");
    brCancelled = br.cancel(false);
    System.out.println("BR, running: cancel() = " + brCancelled + "   (Python: False; here its future is cancelled, its download is not)");
}

DownloadResult mxResult = mx.get() // MX runs after BR: one worker
boolean mxCancelled = mx.cancel(false)
System.out.println("MX, done:    cancel() = " + mxCancelled + "  (as in Python: too late)")

pool.shutdown()
pool.awaitTermination(10, TimeUnit.SECONDS)
String brGet = ""
try { br.get(); } catch (CancellationException e) { brGet = "CancellationException"; }
System.out.println("BR: get() throws " + brGet + ", yet br.gif was saved: " + Files.exists(dir.resolve("br.gif")))
System.out.println("CN: cn.gif saved: " + Files.exists(dir.resolve("cn.gif")) + "; MX: " + mxResult.status().label())
check(cnCancelled && !Files.exists(dir.resolve("cn.gif")), "the queued task cancelled and never run")
check(brCancelled && brGet.equals("CancellationException") && Files.exists(dir.resolve("br.gif")), "the running task cancelled in name only")
check(!mxCancelled && mxResult.status() == Status.OK, "the done task not cancelled")

server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 3 ? 0 : 1
