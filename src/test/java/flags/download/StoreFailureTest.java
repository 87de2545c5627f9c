package flags.download;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.BatchClock;
import flags.store.FlagStore;
import flags.testing.FailingDisk;
import flags.testing.FailingDisk.Step;
import flags.testing.FakeFlags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever is thrown on one code's path once its temporary file exists, at each step of saving it and by every
 * strategy: that code ends as an error with a reason a user understands, its temporary file is gone, an older
 * file of that name is intact, and the rest of the batch is unaffected.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class StoreFailureTest {
    @StartStop
    final MockWebServer server = new MockWebServer();

    @TempDir
    Path out;

    /** A failure, and the reason ZZ must then give. */
    record Failure(String name, Supplier<? extends Exception> exception, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Failure> failures() {
        return List.of(
                new Failure(
                        "disk full",
                        () -> new FileSystemException("x", null, "No space left on device"),
                        "no space left on device"),
                new Failure(
                        "read-only",
                        () -> new FileSystemException("x", null, "Read-only file system"),
                        "read-only file system"),
                new Failure(
                        "unchecked I/O",
                        () -> new UncheckedIOException(new IOException("device went away")),
                        "device went away"),
                new Failure(
                        "invalid path",
                        () -> new InvalidPathException("x", "unmappable character"),
                        "cannot be a file name here: unmappable character"),
                new Failure(
                        "a bug",
                        () -> new IllegalStateException("boom"),
                        "internal error: java.lang.IllegalStateException: boom"));
    }

    static Stream<Arguments> cells() {
        List<Named<IntFunction<Strategy>>> strategies = Strategies.all().toList();
        return Stream.of(Step.values())
                .flatMap(step ->
                        failures().stream().flatMap(f -> strategies.stream().map(s -> Arguments.of(step, f, s))));
    }

    @ParameterizedTest(name = "{0} fails with {1} / {2}")
    @MethodSource("cells")
    void aFailingStepIsThatCodesErrorAndLeavesNothingBehind(Step step, Failure failure, IntFunction<Strategy> strategy)
            throws Exception {
        server.setDispatcher(FakeFlags.allFound());
        Files.writeString(out.resolve("zz.gif"), "the old ZZ flag");
        FlagStore store = new FlagStore(out, new FailingDisk("ZZ", step, failure.exception()));

        List<Set<String>> whenZzEnded = new ArrayList<>();
        Map<String, DownloadResult> byCode = BatchHarness.run(
                        strategy.apply(4),
                        List.of("BR", "CN", "ZZ"),
                        server.url("/flags"),
                        store,
                        new BatchClock(),
                        1,
                        r -> {
                            if (r.cc().equals("ZZ")) {
                                whenZzEnded.add(temporaryFilesOf("zz"));
                            }
                        })
                .stream()
                .collect(Collectors.toMap(DownloadResult::cc, r -> r));

        DownloadResult zz = byCode.get("ZZ");
        assertAll(
                step + " / " + failure + ": " + zz,
                () -> assertEquals(Set.of("BR", "CN", "ZZ"), byCode.keySet()),
                () -> assertEquals(Status.ERROR, zz.status()),
                () -> assertTrue(zz.error().endsWith(failure.reason()), zz.error()),
                () -> assertTrue(
                        !(failure.exception().get() instanceof FileSystemException)
                                || !zz.error().contains("internal error"),
                        "an OS failure is never an internal error"),
                () -> assertEquals(1, zz.attempts(), "a disk failure is not retried"),
                () -> assertEquals(Status.OK, byCode.get("BR").status()),
                () -> assertEquals(Status.OK, byCode.get("CN").status()),
                () -> assertEquals(List.of(Set.of()), whenZzEnded, "ZZ's temporary file gone when ZZ ended"),
                () -> assertEquals(
                        new TreeSet<>(Set.of("br.gif", "cn.gif", "zz.gif")), entries(), "no temporary file left"),
                () -> assertEquals("the old ZZ flag", Files.readString(out.resolve("zz.gif"))));
        if (failure.exception().get() instanceof FileSystemException) {
            String verb = step == Step.MOVE ? "cannot save zz.gif: " : "cannot write zz.gif: ";
            assertEquals(verb + failure.reason(), zz.error(), "the file the user asked for is named, not the temp");
        }
    }

    @ParameterizedTest(name = "the clock fails at its {1}th reading / {0}")
    @MethodSource("clockCells")
    void aFailingClockNeverHangsTheBatchOrLeavesATemporaryFile(IntFunction<Strategy> strategy, int failAt)
            throws Exception {
        server.setDispatcher(FakeFlags.allFound());
        AtomicInteger readings = new AtomicInteger();
        BatchClock clock = new BatchClock(() -> {
            if (readings.incrementAndGet() == failAt) {
                throw new IllegalStateException("clock broke");
            }
            return System.nanoTime();
        });

        List<DownloadResult> results = BatchHarness.run(
                strategy.apply(4), List.of("BR", "CN", "ZZ"), server.url("/flags"), new FlagStore(out), clock, 0);

        assertTrue(readings.get() >= failAt, "the clock really failed: read " + readings.get() + " times");
        assertEquals(
                List.of("BR", "CN", "ZZ"),
                results.stream().map(DownloadResult::cc).sorted().toList());
        for (DownloadResult r : results) {
            assertTrue(
                    r.status() == Status.OK
                            || (r.status() == Status.ERROR && r.error().contains("clock broke")),
                    r.toString());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    static Stream<Arguments> clockCells() {
        List<Named<IntFunction<Strategy>>> strategies = Strategies.all().toList();
        // Reading 1 is the clock's own start; a three-code batch reads it ten times in all.
        return Stream.of(2, 3, 4, 5, 6, 7, 8, 9, 10)
                .flatMap(n -> strategies.stream().map(s -> Arguments.of(s, n)));
    }

    private Set<String> temporaryFilesOf(String cc) {
        try {
            return entries().stream().filter(n -> n.startsWith("." + cc + "-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
