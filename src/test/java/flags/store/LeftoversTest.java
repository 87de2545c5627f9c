package flags.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files left by a run killed with SIGKILL are removed by the next run into that directory; those of a
 * process still running (another flags writing there now, or this very process) are never touched.
 */
@Timeout(30)
class LeftoversTest {
    @TempDir
    Path out;

    @Test
    void onlyTheFilesOfProcessesThatAreGoneAreRemoved() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor(10, TimeUnit.SECONDS);
        Process alive = new ProcessBuilder("sleep", "30").start();
        try {
            String ofDead = temp(dead.toHandle(), 0);
            String ofAlive = temp(alive.toHandle(), start(alive.toHandle()));
            String ofThis = temp(ProcessHandle.current(), start(ProcessHandle.current()));
            String ofReusedPid = temp(alive.toHandle(), start(alive.toHandle()) - 60_000); // same pid, older process
            for (String name : Set.of(ofDead, ofAlive, ofThis, ofReusedPid, ".br.part", "notes.txt")) {
                Files.writeString(out.resolve(name), "partial");
            }
            Files.createDirectory(out.resolve(temp(dead.toHandle(), 1))); // a directory is not ours to remove

            int removed = new FlagStore(out).removeAbandoned();

            assertEquals(2, removed);
            assertEquals(Set.of(ofAlive, ofThis, ".br.part", "notes.txt", temp(dead.toHandle(), 1)), entries());
        } finally {
            alive.destroy();
        }
    }

    @Test
    void theNamesOfThisProcessAreRecognisedAsItsOwn() {
        TempName name = TempName.forThisProcess("BR");
        assertTrue(name.fileName().matches("\\.br-\\d+-[0-9a-z]+-[0-9a-z]+\\.part"), name.fileName());
        assertEquals(name, TempName.parse(name.fileName()).orElseThrow());
        assertTrue(!name.abandoned(), "this process is alive");
    }

    private static String temp(ProcessHandle process, long startMillis) {
        return new TempName("zz", process.pid(), startMillis, "n0nce").fileName();
    }

    private static long start(ProcessHandle process) {
        return process.info().startInstant().orElseThrow().toEpochMilli();
    }

    private Set<String> entries() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
