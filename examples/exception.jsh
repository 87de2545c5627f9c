// An exception raised in a task is kept in its future and raised again when the result is asked for.
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/exception.jsh
import flags.download.*
import flags.server.*
import java.io.IOException
import java.nio.file.*
import java.time.Duration
import java.util.concurrent.*

int passed = 0;
void check(boolean holds, String what) { if (holds) passed++; else System.out.println("FAILED: " + what); }

// The embedded server of the download commands, on a free port; it holds every answer 0.2 s.
var server = FlagServer.start(ServerConfig.embedded(Duration.ofMillis(200), Duration.ZERO, 0))
Path dir = Files.createTempDirectory("flags-example")
var client = FlagClient.forServer(server.baseUrl(), dir, 4)
ExecutorService pool = Executors.newFixedThreadPool(4)

// downloadOne never throws (a 404 is a result); the book's get_flag raises on one, as this task does.
Callable<Path> flagOf(String cc) {
    return () -> {
        DownloadResult result = client.downloadOne(cc);
        if (result.status() != Status.OK) {
            throw new IOException(cc + ": " + result.status().label() + " at " + result.url());
        }
        return result.file();
    };
}

Future<Path> zz = pool.submit(flagOf("ZZ")) // no such country: the server answers 404
Throwable raised = null
try { zz.get(); } catch (ExecutionException e) { raised = e; }
System.out.println("get() threw " + raised.getClass().getSimpleName() + "; isDone() = " + zz.isDone() + " (the task ended, by raising)")
System.out.println("its cause, the task's own exception: " + raised.getCause())
check(raised instanceof ExecutionException && raised.getCause() instanceof IOException, "ExecutionException with the IOException as its cause")

// A CompletableFuture stage that throws: join() wraps the exception in CompletionException instead.
Throwable joined = null
try { client.downloadOneAsync("ZZ").thenApply(r -> { if (r.status() != Status.OK) throw new IllegalStateException("ZZ: " + r.status().label()); return r; }).join(); } catch (CompletionException e) { joined = e; }
System.out.println("join() threw " + joined.getClass().getSimpleName() + ", cause: " + joined.getCause())
check(joined instanceof CompletionException && joined.getCause() instanceof IllegalStateException, "CompletionException with the stage's exception as its cause")

pool.shutdown()
server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 2 ? 0 : 1
