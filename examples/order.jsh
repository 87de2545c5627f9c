// executor.map against as_completed: the same downloads, results handed back in submission order
// (invokeAll) or in the order they finish (ExecutorCompletionService).
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/order.jsh
import flags.download.*
import flags.server.*
import java.nio.file.*
import java.time.Duration
import java.util.*
import java.util.concurrent.*

int passed = 0;
void check(boolean holds, String what) { if (holds) passed++; else System.out.println("FAILED: " + what); }

// The embedded server of the download commands, on a free port; it holds each answer 0.1 s plus up to 0.8 s.
var server = FlagServer.start(ServerConfig.embedded(Duration.ofMillis(100), Duration.ofMillis(800), 0))
Path dir = Files.createTempDirectory("flags-example")
var client = FlagClient.forServer(server.baseUrl(), dir, 6)
ExecutorService pool = Executors.newFixedThreadPool(6)
List<String> codes = List.of("BR", "CN", "DE", "IN", "JP", "US")
String line(DownloadResult r) { return String.format("%s %s in %.2f s", r.cc(), r.status().label(), r.ended().minus(r.started()).toMillis() / 1000.0); }

// executor.map(download_one, codes): invokeAll returns the futures in submission order, once all are done.
List<Callable<DownloadResult>> tasks = codes.stream().map(cc -> (Callable<DownloadResult>) () -> client.downloadOne(cc)).toList()
List<String> submissionOrder = new ArrayList<>()
System.out.println("invokeAll, submission order:")
for (Future<DownloadResult> f : pool.invokeAll(tasks)) { DownloadResult r = f.get(); submissionOrder.add(r.cc()); System.out.println("  " + line(r)); }

// as_completed(futures): take() hands over each future as it finishes, whichever it is.
var completed = new ExecutorCompletionService<DownloadResult>(pool)
tasks.forEach(completed::submit)
List<String> completionOrder = new ArrayList<>()
System.out.println("ExecutorCompletionService, completion order:")
for (int i = 0; i < codes.size(); i++) { DownloadResult r = completed.take().get(); completionOrder.add(r.cc()); System.out.println("  " + line(r)); }

check(submissionOrder.equals(codes), "invokeAll: submission order")
check(new HashSet<>(completionOrder).equals(new HashSet<>(codes)), "the completion service: every code once")

pool.shutdown()
server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 2 ? 0 : 1
