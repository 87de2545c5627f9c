// add_done_callback(): a function run when the future completes, on the thread that completes it.
// Run from the project root after `mvn -q package -DskipTests`:
//     jshell --class-path target/flags.jar examples/callback.jsh
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
String scriptThread = Thread.currentThread().getName()

// future.add_done_callback(report) in Python: whenComplete (result or exception) or thenAccept (the result) here.
// One snippet, so the callback is surely added before the answer comes (JShell compiles between snippets).
CompletableFuture<DownloadResult> future = null
var callbackThread = new CompletableFuture<String>()
{
    future = client.downloadOneAsync("IN");
    future.whenComplete((result, error) -> {
        System.out.println("callback: " + result.cc() + " " + result.status().label() + ", on thread \"" + Thread.currentThread().getName() + "\"");
        callbackThread.complete(Thread.currentThread().getName());
    });
    System.out.println("callback added; the script's thread (\"" + scriptThread + "\") goes on, isDone() = " + future.isDone());
}
String ranOn = callbackThread.get(10, TimeUnit.SECONDS)
check(!ranOn.equals(scriptThread), "the callback ran on the thread that completed the future, not the script's")

// Added to a future that is already done, a callback runs at once, on the thread that adds it, as in Python.
// (One snippet: JShell may run each snippet on a thread of its own.)
Thread caller = null
String lateThread = null
{
    caller = Thread.currentThread();
    lateThread = future.thenApply(result -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);
}
System.out.println("a callback added after completion ran at once, on \"" + lateThread + "\"")
check(lateThread.equals(caller.getName()), "a callback added to a done future runs on the caller's thread")

server.close()
try (var files = Files.list(dir)) { files.forEach(f -> f.toFile().delete()); }
Files.delete(dir)
/exit passed == 2 ? 0 : 1
