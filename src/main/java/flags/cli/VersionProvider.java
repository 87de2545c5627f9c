package flags.cli;

import okhttp3.OkHttp;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: flags, the running Java and the OkHttp version, for bug reports. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "flags " + flags.download.Version.current(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            "OkHttp " + OkHttp.VERSION
        };
    }
}
