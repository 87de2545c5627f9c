package flags.download;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads without compiling against Java 21: the project targets Java 17, so the factory is looked up. */
public final class VirtualThreads {
    /** What to tell a user who asks for virtual threads on an older JVM, whichever way they asked. */
    public static final String NEEDS_JAVA_21 = row().unavailable();

    private static final Method FACTORY = lookup();

    private VirtualThreads() {}

    /** Whether this JVM runs them: the strategy table's test, so the commands, bench and the tests all agree. */
    public static boolean available() {
        return row().runsHere();
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}; only call when {@link #available()}. */
    static ExecutorService newPerTaskExecutor() {
        if (FACTORY == null || !available()) {
            throw new UnsupportedOperationException(NEEDS_JAVA_21);
        }
        try {
            return (ExecutorService) FACTORY.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create virtual threads on Java " + Runtime.version(), e);
        }
    }

    private static StrategyTable.Kind row() {
        return StrategyTable.named("virtual").orElseThrow();
    }

    // Present as a preview on Java 19 and 20, where calling it fails: available() decides, not this lookup.
    private static Method lookup() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException beforeJava19) {
            return null;
        }
    }
}
