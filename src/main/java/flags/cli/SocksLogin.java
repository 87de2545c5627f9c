package flags.cli;

import flags.http.Proxies;
import java.net.Authenticator;

/**
 * The SOCKS proxy's credentials installed as the JVM's default authenticator for one batch, the only place the
 * JDK's SOCKS client looks, and the previous default put back afterwards.
 */
final class SocksLogin implements AutoCloseable {
    private final Authenticator previous;
    private final boolean installed;

    private SocksLogin(Authenticator previous, boolean installed) {
        this.previous = previous;
        this.installed = installed;
    }

    static SocksLogin install(Proxies proxies) {
        Authenticator previous = Authenticator.getDefault();
        return proxies.socksLogin()
                .map(login -> {
                    Authenticator.setDefault(login);
                    return new SocksLogin(previous, true);
                })
                .orElseGet(() -> new SocksLogin(previous, false));
    }

    @Override
    public void close() {
        if (installed) {
            Authenticator.setDefault(previous);
        }
    }
}
