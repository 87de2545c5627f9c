package flags.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** {@code --debug}: turns the root logger (warnings by default, see logback.xml) up to debug. */
final class Logging {
    private Logging() {}

    static void enableDebug() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }
}
