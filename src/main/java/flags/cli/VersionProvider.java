package flags.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: flags, the running Java and the OkHttp version, for bug reports. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
                "flags " + flagsVersion(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                "OkHttp " + okhttp3.OkHttp.VERSION};
    }

    /** The project version, filtered into a resource at build time. */
    public static String flagsVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/flags/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
