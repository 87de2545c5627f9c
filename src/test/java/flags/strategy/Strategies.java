package flags.strategy;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The strategies under test, by name, each built for a given {@code -m}: the same cases run against all. */
final class Strategies {
    private Strategies() {}

    static Stream<Named<IntFunction<Strategy>>> all() {
        return Stream.of(
                Named.of("seq", m -> new SequentialStrategy()),
                Named.of("threads", ThreadPoolStrategy::new),
                Named.of("async", AsyncStrategy::new));
    }
}
