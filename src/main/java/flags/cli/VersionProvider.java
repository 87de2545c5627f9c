package flags.cli;

import flags.Version;
import okhttp3.OkHttp;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: flags, the running Java and the OkHttp version, for bug reports. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "flags " + Version.current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            "OkHttp " + OkHttp.VERSION
        };
    }
}
