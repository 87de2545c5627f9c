package flags.download;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads without compiling against Java 21: the project targets Java 17, so the executor factory
 * is looked up at run time and is simply absent on older JVMs.
 */
public final class VirtualThreads {
    private static final Method FACTORY = lookup();

    /** What to tell a user who asks for virtual threads on an older JVM, whichever way they asked. */
    public static final String NEEDS_JAVA_21 = "--virtual needs Java 21 or newer (this is Java "
            + Runtime.version().feature() + ")";

    private VirtualThreads() {}

    public static boolean available() {
        return FACTORY != null;
    }

    /** {@code Executors.newVirtualThreadPerTaskExecutor()}; only call when {@link #available()}. */
    static ExecutorService newPerTaskExecutor() {
        try {
            return (ExecutorService) FACTORY.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create virtual threads on Java " + Runtime.version(), e);
        }
    }

    private static Method lookup() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException beforeJava21) {
            return null;
        }
    }
}
