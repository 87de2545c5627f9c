package flags.cli;

import java.time.Duration;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/**
 * How slow and how unreliable the flag server is: the same options for {@code flags serve} and for the embedded
 * server of a download command. Each command has its own defaults, so an option not given stays null here.
 */
final class ServerFaultsMixin {
    @Option(
            names = "--delay",
            paramLabel = "S",
            converter = SecondsConverter.class,
            description = "Seconds before every answer of the flag server: serve's, or the EMBEDDED one of a "
                    + "download (default: 0.1; serve: 0.5).")
    Duration delay;

    @Option(
            names = "--jitter",
            paramLabel = "S",
            converter = SecondsConverter.class,
            description = "Up to this many extra seconds, uniformly (default: 0.1; bench: 0; serve: 0.5).")
    Duration jitter;

    @Option(
            names = "--error-rate",
            paramLabel = "P",
            description = "Probability 0..1 of an error answer: 418, or serve's --error-status (default: 0).")
    Double errorRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The same N, the same sequence of delays and errors (default: random).")
    Long seed;

    /** Whether any of these options was given. */
    boolean anyGiven() {
        return delay != null || jitter != null || errorRate != null || seed != null;
    }

    Duration delay(Duration byDefault) {
        return delay == null ? byDefault : delay;
    }

    Duration jitter(Duration byDefault) {
        return jitter == null ? byDefault : jitter;
    }

    /** A usage error for a value no server can take. */
    void checkRanges() {
        if (errorRate != null) {
            UsageException.probability("--error-rate", errorRate);
        }
    }

    /** {@code --error-rate}, or 0: no errors. */
    double errorRate() {
        return errorRate == null ? 0 : errorRate;
    }

    OptionalLong seed() {
        return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
    }
}
