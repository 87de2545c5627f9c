package flags.download;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Every strategy, in one table that the commands, {@code bench --strategies}, completion, help and the strategy
 * tests all read: a new strategy is its class plus one row here.
 */
public final class StrategyTable {
    /**
     * One strategy: its name in output and in {@code bench --strategies}; what it does, in one line; the oldest
     * Java it runs on; how to build it for {@code -m}; the command that runs it, and the flag of that command
     * that picks it (null when it is the command's own strategy).
     */
    public record Kind(
            String name,
            String description,
            int minimumJava,
            IntFunction<Strategy> factory,
            String command,
            String flag) {

        /** Whether this JVM can run it. */
        public boolean runsHere() {
            return Runtime.version().feature() >= minimumJava;
        }

        /** Why it cannot run here: {@code --virtual needs Java 21 or newer (this is Java 17)}. */
        public String unavailable() {
            return (flag != null ? flag : name) + " needs Java " + minimumJava + " or newer (this is Java "
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

    public static final List<Kind> ALL = List.of(
            new Kind(
                    "seq",
                    "Download flags one request at a time (a plain loop).",
                    17,
                    m -> new SequentialStrategy(),
                    "seq",
                    null),
            new Kind(
                    "threads",
                    "Download flags on a pool of -m platform threads (an ExecutorService).",
                    17,
                    ThreadPoolStrategy::new,
                    "threads",
                    null),
            new Kind(
                    "virtual",
                    "One virtual thread per download, at most -m at once (Java 21+).",
                    21,
                    ThreadPoolStrategy::virtual,
                    "threads",
                    "--virtual"),
            new Kind(
                    "async",
                    "A CompletableFuture pipeline over OkHttp's callback API (one OkHttp thread per call in flight).",
                    17,
                    AsyncStrategy::new,
                    "async",
                    null),
            new Kind(
                    "nio",
                    "A CompletableFuture pipeline over the JDK's non-blocking HttpClient (one selector thread).",
                    17,
                    NioStrategy::new,
                    "nio",
                    null));

    /** A flag of a command that changes how its strategy hands results back, not which strategy runs. */
    public record Modifier(String command, String flag, String description, UnaryOperator<Strategy> apply) {}

    public static final List<Modifier> MODIFIERS = List.of(new Modifier(
            "threads",
            "--in-order",
            "Hand results back in the order the codes were submitted (like "
                    + "executor.map), not as they complete (like as_completed); -v shows the difference.",
            s -> ((ThreadPoolStrategy) s).inOrder()));

    private StrategyTable() {}

    public static Optional<Kind> named(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The strategies this JVM can run, in table order. */
    public static List<Kind> available() {
        return ALL.stream().filter(Kind::runsHere).toList();
    }

    /** The commands, in table order, each once. */
    public static List<String> commands() {
        return ALL.stream().map(Kind::command).distinct().toList();
    }

    /** The strategy a command runs by default: the row that is its own, with no flag. */
    public static Kind commandDefault(String command) {
        return ALL.stream()
                .filter(k -> k.command().equals(command) && k.flag() == null)
                .findFirst()
                .orElseThrow();
    }

    /** The modifiers a command takes ({@code threads --in-order}). */
    public static List<Modifier> modifiersOf(String command) {
        return MODIFIERS.stream().filter(m -> m.command().equals(command)).toList();
    }

    /** The rows a command's flags pick ({@code threads --virtual}). */
    public static List<Kind> flagsOf(String command) {
        return ALL.stream()
                .filter(k -> k.command().equals(command) && k.flag() != null)
                .toList();
    }
}
