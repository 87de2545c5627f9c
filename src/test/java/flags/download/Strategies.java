package flags.download;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The strategies under test, from the strategy table: every one this JVM runs (CI runs these again on a JDK 21+). */
final class Strategies {
    private Strategies() {}

    /** Each strategy by name, built for a given {@code -m}: the same cases run against all. */
    static Stream<Named<IntFunction<Strategy>>> all() {
        return StrategyTable.available().stream().map(k -> Named.<IntFunction<Strategy>>of(k.name(), k::create));
    }
}
