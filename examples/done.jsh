// A future's done(): false while the flag is on its way, true once it is saved.
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/done.jsh
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
ExecutorService pool = Executors.newFixedThreadPool(4)

// executor.submit(download_one, 'BR') in Python; the future's done() is isDone() here. Submitted and asked in
// one snippet: JShell compiles each snippet before running it, which can take longer than the server's delay.
Future<DownloadResult> future = null
boolean doneAtOnce = true
{ future = pool.submit(() -> client.downloadOne("BR")); doneAtOnce = future.isDone(); System.out.println("submitted BR: isDone() = " + doneAtOnce); }
DownloadResult result = future.get()
System.out.println("after get():  isDone() = " + future.isDone() + ", result: " + result.cc() + " " + result.status().label() + ", " + result.bytes() + " bytes in " + dir.relativize(result.file()))
check(!doneAtOnce && future.isDone() && result.status() == Status.OK, "isDone() false, then true with BR saved")

// The CompletableFuture of the async client: the same question, the same answers.
CompletableFuture<DownloadResult> async = null
boolean asyncDoneAtOnce = true
{ async = client.downloadOneAsync("CN"); asyncDoneAtOnce = async.isDone(); System.out.println("downloadOneAsync(\"CN\"): isDone() = " + asyncDoneAtOnce); }
DownloadResult asyncResult = async.join()
System.out.println("after join():            isDone() = " + async.isDone() + ", result: " + asyncResult.cc() + " " + asyncResult.status().label())
check(!asyncDoneAtOnce && async.isDone() && asyncResult.status() == Status.OK, "the async future: isDone() false, then true")

pool.shutdown()
server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 2 ? 0 : 1
