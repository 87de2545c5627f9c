package flags.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.layout.TTLLLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

/**
 * Logging set-up: warnings only, on stderr, by default ({@link Defaults}); {@code --debug} turns our own loggers up
 * to debug (one line per request and per retry wait), not Jetty's or OkHttp's internals.
 */
final class Logging {
    private Logging() {}

    static void enableDebug() {
        ((Logger) LoggerFactory.getLogger("flags")).setLevel(Level.DEBUG);
    }

    /**
     * The default Logback configuration, found by Logback's {@code ServiceLoader} look-up
     * (META-INF/services/ch.qos.logback.classic.spi.Configurator): root at WARN, one console appender on
     * stderr (stdout is for results only) with Logback's TTLL layout. Built in code rather than from a
     * logback.xml because Joran (XML parsing, model processing) and PatternLayout's converter table made up
     * about two thirds of Logback's start-up, which every run that starts the embedded Jetty pays.
     * {@code -Dlogback.configurationFile=FILE} (through FLAGS_JAVA_OPTS) still wins: then this steps aside.
     */
    public static final class Defaults extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext context) {
            if (System.getProperty("logback.configurationFile") != null) {
                return ExecutionStatus.INVOKE_NEXT_IF_ANY;
            }
            TTLLLayout layout = new TTLLLayout();
            layout.setContext(context);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.start();
            ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
            stderr.setContext(context);
            stderr.setName("STDERR");
            stderr.setTarget("System.err");
            stderr.setEncoder(encoder);
            stderr.start();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(Level.WARN);
            root.addAppender(stderr);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }
}
