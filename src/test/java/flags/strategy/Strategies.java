package flags.strategy;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The strategies under test, by name, each built for a given {@code -m}: the same cases run against all. */
final class Strategies {
    private Strategies() {}

    /** seq, threads, async, and virtual where the JVM has virtual threads (CI also runs these on a JDK 21+). */
    static Stream<Named<IntFunction<Strategy>>> all() {
        Stream<Named<IntFunction<Strategy>>> always = Stream.of(
                Named.of("seq", m -> new SequentialStrategy()),
                Named.of("threads", ThreadPoolStrategy::new),
                Named.of("async", AsyncStrategy::new));
        return VirtualThreads.available()
                ? Stream.concat(always, Stream.of(Named.of("virtual", ThreadPoolStrategy::virtual)))
                : always;
    }
}
