package flags.download;

import static flags.testing.RawServer.concat;
import static flags.testing.RawServer.head;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.Bodies;
import flags.testing.RawServer;
import flags.testing.RawServer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A server that sends answers no request asked for, on kept-alive connections: after every answer, another code's
 * flag or a 404, in the same framing, sent at once or once the connection idles. Whatever the strategy and
 * {@code -m}, every saved file is exactly the body the server meant for that code, every code it has is saved and
 * every code it lacks is not found: a stray answer is never taken for a request's own.
 */
@Tag("strategies") // run again on a JDK 21+ by .ci/run, so the virtual strategy is covered too
@Timeout(60)
class StrayAnswerTest {
    /** Codes the server has; the others get a 404. */
    private static final Set<String> PRESENT = Set.of("CN", "ID", "JP", "MX", "UY", "CR");

    private static final List<String> CODES = List.of("CN", "CP", "CR", "ID", "JJ", "JP", "MU", "MX", "UY");
    /** Never asked for: its flag is the stray answer a broken server sends. */
    private static final String STRAY = "PK";

    private static final int DEFAULT_MAX_IN_FLIGHT = 30;
    private static final Duration SLOW_ANSWER = Duration.ofMillis(300);

    @TempDir
    Path out;

    /** How each answer's body is framed, the stray's as well. */
    enum Framing {
        CONTENT_LENGTH,
        CHUNKED
    }

    /** When the stray answer follows the real one. */
    enum When {
        /** In the same write, right after the real answer. */
        AT_ONCE,
        /**
         * Once the connection has idled: the first request of the batch gets a 503 with {@code Retry-After: 1}, so
         * the client leaves its connection in the pool while the stray arrives, then reuses it.
         */
        WHILE_IDLE
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Named<IntFunction<Strategy>> strategy : Strategies.all().toList()) {
            for (Framing framing : Framing.values()) {
                for (When when : When.values()) {
                    for (int m : new int[] {1, DEFAULT_MAX_IN_FLIGHT}) {
                        cells.add(Arguments.of(strategy, framing, when, m));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} / {1} / {2} / -m {3}")
    @MethodSource("cells")
    void noFileIsAnotherCodesAnswer(IntFunction<Strategy> strategyOf, Framing framing, When when, int m)
            throws Exception {
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> first = new AtomicReference<>("");
        List<DownloadResult> results;
        int strays;
        try (RawServer server = RawServer.start(request -> {
            int n = answered.incrementAndGet();
            if (when == When.WHILE_IDLE && n == 1) {
                first.set(request.path());
                Reply busy =
                        answer(framing, "HTTP/1.1 503 Service Unavailable", "text/plain", "busy", "Retry-After: 1");
                return busy.thenWhenIdle(stray(framing, n));
            }
            if (when == When.WHILE_IDLE && request.path().equals(first.get()) && n > 1) {
                // The retry of the first code is answered slowly, so the stray waiting on a reused connection cannot
                // be told from its answer by what follows it: only a look before the connection is reused can.
                try {
                    Thread.sleep(SLOW_ANSWER.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null; // the server is closing
                }
            }
            String[] parts = request.path().split("/");
            String cc = parts.length > 2 ? parts[2].toUpperCase(Locale.ROOT) : "";
            Reply real = PRESENT.contains(cc)
                    ? answer(framing, "HTTP/1.1 200 OK", "image/gif", Bodies.gif(cc))
                    : answer(framing, "HTTP/1.1 404 Not Found", "text/plain", "not here");
            return when == When.AT_ONCE
                    ? Reply.keepOpen(concat(real.bytes(), stray(framing, n)))
                    : real.thenWhenIdle(stray(framing, n));
        })) {
            results = BatchHarness.run(
                    strategyOf.apply(m), CODES, server.url("/flags"), out, 1, false, Duration.ofSeconds(5));
            strays = server.straysSent();
        }

        Set<String> expectedFiles = PRESENT.stream()
                .map(cc -> cc.toLowerCase(Locale.ROOT) + ".gif")
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(CODES, results.stream().map(DownloadResult::cc).sorted().toList(), "every code ends exactly once");
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (DownloadResult r : results) {
            boolean present = PRESENT.contains(r.cc());
            checks.add(() -> assertEquals(present ? Status.OK : Status.NOT_FOUND, r.status(), r.toString()));
            if (r.status() == Status.OK) {
                checks.add(() -> assertArrayEquals(
                        Bodies.gif(r.cc()), Files.readAllBytes(r.file()), r.cc() + "'s file is " + r.cc() + "'s flag"));
            }
        }
        checks.add(() -> assertEquals(expectedFiles, Cells.entries(out), "files in the output dir"));
        if (when == When.WHILE_IDLE) {
            checks.add(() -> assertTrue(strays > 0, "a stray arrived on an idle connection"));
        }
        assertAll(results.toString(), checks);
    }

    /** The answer to no request: the stray code's flag or a 404, in turns. */
    private static byte[] stray(Framing framing, int n) {
        return n % 2 == 1
                ? answer(framing, "HTTP/1.1 200 OK", "image/gif", Bodies.gif(STRAY))
                        .bytes()
                : answer(framing, "HTTP/1.1 404 Not Found", "text/plain", "not here")
                        .bytes();
    }

    private static Reply answer(Framing framing, String statusLine, String type, String body, String... extra) {
        return answer(framing, statusLine, type, body.getBytes(StandardCharsets.US_ASCII), extra);
    }

    private static Reply answer(Framing framing, String statusLine, String type, byte[] body, String... extra) {
        List<String> headers = new ArrayList<>(List.of(extra));
        headers.add("Content-Type: " + type);
        return Reply.keepOpen(
                switch (framing) {
                    case CONTENT_LENGTH -> {
                        headers.add("Content-Length: " + body.length);
                        yield concat(head(statusLine, headers.toArray(String[]::new)), body);
                    }
                    case CHUNKED -> {
                        headers.add("Transfer-Encoding: chunked");
                        yield concat(head(statusLine, headers.toArray(String[]::new)), RawServer.chunked(body, 100));
                    }
                });
    }
}
