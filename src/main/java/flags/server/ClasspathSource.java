package flags.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Serves resources under a classpath prefix, which works the same from {@code target/classes} and from
 * inside the jar. A jar does not change while it runs, so each resource (or its absence) is looked up
 * once and kept: at most 676 codes x 2 files of a few KB.
 */
final class ClasspathSource implements FlagSource {

    private final ClassLoader loader;
    private final String prefix;
    private final ConcurrentMap<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    ClasspathSource(ClassLoader loader, String prefix) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public Optional<byte[]> read(String cc, String file) throws IOException {
        String name = prefix + cc + "/" + file;
        Optional<byte[]> cached = cache.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<byte[]> loaded;
        try (InputStream in = loader.getResourceAsStream(name)) {
            loaded = in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
        Optional<byte[]> raced = cache.putIfAbsent(name, loaded);
        return raced != null ? raced : loaded;
    }

    @Override
    public String toString() {
        return "classpath:" + prefix;
    }
}
