package flags.download;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Every strategy, in one table that {@code bench --strategies}, completion, help and the strategy tests all read:
 * a new strategy is its class, one row here, and the command or option that runs it.
 */
public final class StrategyTable {
    /** One row: a strategy's name, what it does, the oldest Java it runs on, its factory and its command. */
    public record Kind(
            String name,
            // What it does in one line: also the help of the command or option that runs it.
            String description,
            // The first Java that runs it as a final feature: a preview does not count.
            int minimumJava,
            // The strategy for -m.
            IntFunction<Strategy> factory,
            // The command that runs it: its own name, or the one whose --name option picks it.
            String command) {

        /** Whether this JVM can run it: the one test, which the commands, bench and the tests all ask. */
        public boolean runsHere() {
            return Runtime.version().feature() >= minimumJava;
        }

        /** Why it cannot run here, naming what the user typed: its command, or its option. */
        public String unavailable() {
            String asked = name.equals(command) ? command : "--" + name;
            return asked + " needs Java " + minimumJava + " or newer (this is Java "
                    + Runtime.version().feature() + ")";
        }

        /** The strategy for {@code -m maxInFlight}. */
        public Strategy create(int maxInFlight) {
            if (!runsHere()) {
                throw new UnsupportedOperationException(unavailable());
            }
            return factory.apply(maxInFlight);
        }
    }

    // What each strategy does, in one line: its row's description and the help of the command or option running
    // it, which can therefore never say something else.
    public static final String SEQ = "Download flags one request at a time (a plain loop).";
    public static final String THREADS = "Download flags on a pool of -m platform threads (an ExecutorService).";
    public static final String VIRTUAL = "One virtual thread per download, at most -m at once (Java 21+).";
    public static final String ASYNC =
            "A CompletableFuture pipeline over OkHttp's callback API (one OkHttp thread per call in flight).";
    public static final String NIO =
            "A CompletableFuture pipeline over the JDK's non-blocking HttpClient (one selector thread).";

    public static final List<Kind> ALL = List.of(
            new Kind("seq", SEQ, 17, m -> new SequentialStrategy(), "seq"),
            new Kind("threads", THREADS, 17, ThreadPoolStrategy::new, "threads"),
            new Kind("virtual", VIRTUAL, 21, VirtualThreadStrategy::new, "threads"),
            new Kind("async", ASYNC, 17, AsyncStrategy::new, "async"),
            new Kind("nio", NIO, 17, NioStrategy::new, "nio"));

    private StrategyTable() {}

    public static Optional<Kind> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The strategies this JVM can run, in table order. */
    public static List<Kind> available() {
        return ALL.stream().filter(Kind::runsHere).toList();
    }

    /** The download commands, in table order, each once. */
    public static List<String> commands() {
        return ALL.stream().map(Kind::command).distinct().toList();
    }

    /** The strategy a command runs without options: the row named as the command. */
    public static Kind commandDefault(String command) {
        return named(command).filter(k -> k.command().equals(command)).orElseThrow();
    }
}
