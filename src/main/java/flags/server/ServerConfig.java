package flags.server;

import flags.Seconds;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How a {@link FlagServer} listens and misbehaves.
 *
 * @param bind        address to listen on, e.g. {@code 127.0.0.1}
 * @param port        TCP port, {@code 0} for any free port
 * @param dir         directory holding {@code cc/cc.gif} and {@code cc/metadata.json};
 *                    {@code null} for the sample bundled in the jar (classpath {@code flags-sample/})
 * @param delay       fixed wait before every answer
 * @param jitter      extra wait, uniform in {@code [0, jitter)}, added to {@code delay}
 * @param errorRate   probability (0..1) of answering {@code errorStatus} instead
 * @param errorStatus the status of those error answers (200..599: a final HTTP status)
 * @param seed        makes the sequence of delays and errors reproducible; empty for a random one
 * @param headerTimeout longest a connection may take to send a complete request head before it is closed
 */
public record ServerConfig(
        String bind,
        int port,
        Path dir,
        Duration delay,
        Duration jitter,
        double errorRate,
        int errorStatus,
        OptionalLong seed,
        Duration headerTimeout) {

    /** Long enough for any real client on a slow link, short enough that a slowloris gains little. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (bind.isBlank()) {
            throw new IllegalArgumentException("bind address must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + seconds(delay) + "s");
        }
        if (jitter.isNegative()) {
            throw new IllegalArgumentException("jitter must not be negative, got " + seconds(jitter) + "s");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new IllegalArgumentException("error rate must be between 0 and 1, got " + errorRate);
        }
        if (errorStatus < 200 || errorStatus > 599) {
            throw new IllegalArgumentException(
                    "error status must be a final HTTP status between 200 and 599, got " + errorStatus);
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "header timeout must be more than 0, got " + seconds(headerTimeout) + "s");
        }
    }

    /** With the default header timeout. */
    public ServerConfig(
            String bind,
            int port,
            Path dir,
            Duration delay,
            Duration jitter,
            double errorRate,
            int errorStatus,
            OptionalLong seed) {
        this(bind, port, dir, delay, jitter, errorRate, errorStatus, seed, DEFAULT_HEADER_TIMEOUT);
    }

    /** The in-process server of the download commands: a free loopback port, the bundled sample, no seed. */
    public static ServerConfig embedded(Duration delay, Duration jitter, double errorRate) {
        return embedded(delay, jitter, errorRate, OptionalLong.empty());
    }

    /** The same, with its delays and errors drawn from {@code seed} when one is given. */
    public static ServerConfig embedded(Duration delay, Duration jitter, double errorRate, OptionalLong seed) {
        return new ServerConfig("127.0.0.1", 0, null, delay, jitter, errorRate, 418, seed);
    }

    private static String seconds(Duration d) {
        return Seconds.plain(d);
    }
}
