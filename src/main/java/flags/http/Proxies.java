package flags.http;

import flags.text.Quote;
import flags.text.Redact;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;

/**
 * Which proxy a request goes through, decided as curl decides it: {@code --proxy} for every URL, else the
 * variables ({@code http_proxy} for http, {@code https_proxy}/{@code HTTPS_PROXY} for https, then
 * {@code all_proxy}/{@code ALL_PROXY}), except hosts that {@code --noproxy} or {@code no_proxy}/{@code NO_PROXY}
 * lists. Like curl, upper-case {@code HTTP_PROXY} is ignored (a CGI script's environment can set it from a request
 * header), and loopback is proxied unless listed.
 */
public final class Proxies extends ProxySelector {
    /** One proxy: {@code http://[user:pass@]host[:port]} or {@code socks5[h]://...}; curl's default port is 1080. */
    public record Endpoint(Proxy.Type type, String host, int port, String user, String password) {
        /** The proxy as the user may see it, credentials hidden: {@code http://***@proxy:3128}. */
        public String display() {
            String scheme = type == Proxy.Type.SOCKS ? "socks5" : "http";
            return scheme + "://" + (user == null ? "" : "***@") + (host.contains(":") ? "[" + host + "]" : host) + ":"
                    + port;
        }

        Proxy proxy() {
            return new Proxy(type, InetSocketAddress.createUnresolved(host, port));
        }

        boolean is(SocketAddress address) {
            return address instanceof InetSocketAddress a
                    && a.getPort() == port
                    && a.getHostString().equals(host);
        }
    }

    private final Endpoint forAll;
    private final Endpoint forHttp;
    private final Endpoint forHttps;
    private final NoProxy noProxy;

    private Proxies(Endpoint forAll, Endpoint forHttp, Endpoint forHttps, NoProxy noProxy) {
        this.forAll = forAll;
        this.forHttp = forHttp;
        this.forHttps = forHttps;
        this.noProxy = noProxy;
    }

    /** No proxy for anything: the embedded server, or a user who said {@code --proxy ''}. */
    public static Proxies none() {
        return new Proxies(null, null, null, NoProxy.parse(""));
    }

    /**
     * The proxies for this run.
     *
     * @param proxy   {@code --proxy}, or null; {@code ""} means no proxy at all, whatever the environment says
     * @param noProxy {@code --noproxy}, or null; {@code ""} means proxy every host
     * @throws IllegalArgumentException naming the option or variable whose value is not a usable proxy
     */
    public static Proxies of(String proxy, String noProxy, Map<String, String> env) {
        NoProxy exempt = NoProxy.parse(noProxy != null ? noProxy : first(env, "no_proxy", "NO_PROXY"));
        if (proxy != null) {
            return proxy.isEmpty() ? none() : new Proxies(parse(proxy, "--proxy"), null, null, exempt);
        }
        String all = first(env, "all_proxy", "ALL_PROXY");
        String http = env.get("http_proxy");
        String https = first(env, "https_proxy", "HTTPS_PROXY");
        return new Proxies(
                all == null || all.isEmpty() ? null : parse(all, name(env, "all_proxy")),
                http == null || http.isEmpty() ? null : parse(http, "http_proxy"),
                https == null || https.isEmpty() ? null : parse(https, name(env, "https_proxy")),
                exempt);
    }

    /** The proxy for {@code url}, if it goes through one. */
    public Optional<Endpoint> forUrl(HttpUrl url) {
        if (noProxy.matches(url.host())) {
            return Optional.empty();
        }
        Endpoint scheme = url.isHttps() ? forHttps : forHttp;
        return Optional.ofNullable(scheme != null ? scheme : forAll);
    }

    /** Whether any request could go through a proxy. */
    boolean any() {
        return forAll != null || forHttp != null || forHttps != null;
    }

    @Override
    public List<Proxy> select(URI uri) {
        HttpUrl url = HttpUrl.get(uri);
        return List.of(
                url == null ? Proxy.NO_PROXY : forUrl(url).map(Endpoint::proxy).orElse(Proxy.NO_PROXY));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // one proxy per URL: nothing to fall back to
    }

    /**
     * The login for the SOCKS proxies that have credentials, if any. The JDK's SOCKS client, which OkHttp uses, asks
     * only the JVM-wide {@link java.net.Authenticator#setDefault default authenticator} for them: whoever runs the
     * batch installs this one for its duration.
     */
    public Optional<Authenticator> socksLogin() {
        List<Endpoint> socks = endpoints().stream()
                .filter(e -> e.type() == Proxy.Type.SOCKS && e.user() != null)
                .toList();
        return socks.isEmpty()
                ? Optional.empty()
                : Optional.of(new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        if (!"SOCKS5".equals(getRequestingProtocol())) {
                            return null;
                        }
                        return socks.stream()
                                .filter(e -> e.port() == getRequestingPort()
                                        && e.host().equalsIgnoreCase(getRequestingHost()))
                                .findFirst()
                                .map(e -> new PasswordAuthentication(
                                        e.user(), (e.password() == null ? "" : e.password()).toCharArray()))
                                .orElse(null);
                    }
                });
    }

    /**
     * Sends an HTTP proxy's credentials with every request through it, as curl does: plain requests in a network
     * interceptor (OkHttp would wait for a 407 each time), tunnels through {@link #authenticator()}.
     */
    Interceptor authorization() {
        return chain -> {
            Proxy proxy = chain.connection().route().proxy();
            Request request = chain.request();
            Optional<String> credentials = credentialsFor(proxy);
            return chain.proceed(
                    credentials.isPresent() && !request.isHttps()
                            ? request.newBuilder()
                                    .header("Proxy-Authorization", credentials.get())
                                    .build()
                            : request);
        };
    }

    /** The {@code Proxy-Authorization} value for a request to {@code url}, when it goes through an HTTP proxy with a login. */
    Optional<String> authorizationFor(HttpUrl url) {
        return forUrl(url).filter(e -> e.type() == Proxy.Type.HTTP).flatMap(e -> credentialsFor(e.proxy()));
    }

    /** Whether any request could go through a SOCKS proxy. */
    public boolean anySocks() {
        return endpoints().stream().anyMatch(e -> e.type() == Proxy.Type.SOCKS);
    }

    /** OkHttp asks this before opening a tunnel (a fake 407) and after a real 407: answer once, then give up. */
    okhttp3.Authenticator authenticator() {
        return (Route route, Response response) -> {
            if (route == null || response.request().header("Proxy-Authorization") != null) {
                return null;
            }
            return credentialsFor(route.proxy())
                    .map(c -> response.request()
                            .newBuilder()
                            .header("Proxy-Authorization", c)
                            .build())
                    .orElse(null);
        };
    }

    private Optional<String> credentialsFor(Proxy proxy) {
        if (proxy.type() != Proxy.Type.HTTP) {
            return Optional.empty();
        }
        return endpoints().stream()
                .filter(e -> e.type() == Proxy.Type.HTTP && e.user() != null && e.is(proxy.address()))
                .findFirst()
                .map(e ->
                        Credentials.basic(e.user(), e.password() == null ? "" : e.password(), StandardCharsets.UTF_8));
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (Endpoint e : new Endpoint[] {forAll, forHttp, forHttps}) {
            if (e != null) {
                all.add(e);
            }
        }
        return all;
    }

    static Endpoint parse(String value, String source) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(source + ": not a proxy URL: " + Quote.of(Redact.url(text)));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy.Type type = switch (scheme) {
            case "http" -> Proxy.Type.HTTP;
            case "socks5", "socks5h" -> Proxy.Type.SOCKS;
            case "https" ->
                throw new IllegalArgumentException(source + ": https:// proxies (TLS to the proxy) are not "
                        + "supported; an http:// proxy still carries https requests encrypted");
            default ->
                throw new IllegalArgumentException(source + ": unsupported proxy scheme " + Quote.of(scheme)
                        + " (expected http://, socks5:// or socks5h://)");
        };
        String host = uri.getHost();
        if (host == null
                || host.isEmpty()
                || (uri.getPath() != null
                        && !uri.getPath().isEmpty()
                        && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException(source + ": not a proxy URL: " + Quote.of(Redact.url(text)));
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        return new Endpoint(type, host, uri.getPort() < 0 ? 1080 : uri.getPort(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String first(Map<String, String> env, String lower, String upper) {
        String value = env.get(lower);
        return value != null ? value : env.get(upper);
    }

    private static String name(Map<String, String> env, String lower) {
        return env.containsKey(lower) ? lower : lower.toUpperCase(Locale.ROOT);
    }

    /**
     * curl's no-proxy list: comma-separated host names, each matching that host and every host in its domain
     * ({@code example.com} and {@code .example.com} both match {@code www.example.com}); IP addresses, matched as
     * addresses (never by a tail of their text), with an optional CIDR suffix ({@code 10.0.0.0/8}, {@code ::1});
     * and {@code *} alone, for every host.
     */
    record NoProxy(boolean all, List<String> names, List<String> addresses) {
        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");

        static NoProxy parse(String list) {
            if (list != null && list.strip().equals("*")) {
                return new NoProxy(true, List.of(), List.of());
            }
            List<String> names = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            if (list != null) {
                for (String entry : list.split("[,\\s]+")) {
                    String e = entry.strip().toLowerCase(Locale.ROOT);
                    if (e.startsWith("[") && e.contains("]")) {
                        e = e.substring(1, e.indexOf(']')) + e.substring(e.indexOf(']') + 1);
                    }
                    String address = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
                    if (isAddress(address)) {
                        addresses.add(e);
                        continue;
                    }
                    while (e.startsWith(".")) {
                        e = e.substring(1);
                    }
                    if (e.endsWith(".")) {
                        e = e.substring(0, e.length() - 1);
                    }
                    if (!e.isEmpty()) {
                        names.add(e);
                    }
                }
            }
            return new NoProxy(false, List.copyOf(names), List.copyOf(addresses));
        }

        boolean matches(String host) {
            if (all) {
                return true;
            }
            String h = Objects.requireNonNull(host).toLowerCase(Locale.ROOT);
            if (h.startsWith("[") && h.endsWith("]")) {
                h = h.substring(1, h.length() - 1);
            }
            if (isAddress(h)) {
                for (String a : addresses) {
                    if (inRange(h, a)) {
                        return true;
                    }
                }
                return false;
            }
            if (h.endsWith(".")) {
                h = h.substring(0, h.length() - 1);
            }
            for (String name : names) {
                if (name.equals(h) || h.endsWith("." + name)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether address {@code host} is {@code entry}, or in it when it has a CIDR suffix. */
        private static boolean inRange(String host, String entry) {
            int slash = entry.indexOf('/');
            try {
                byte[] address = InetAddress.getByName(host).getAddress();
                byte[] network = InetAddress.getByName(slash < 0 ? entry : entry.substring(0, slash))
                        .getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
                if (address.length != network.length || bits < 0 || bits > address.length * 8) {
                    return false;
                }
                for (int i = 0; i < bits; i++) {
                    int mask = 0x80 >>> (i % 8);
                    if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                        return false;
                    }
                }
                return true;
            } catch (UnknownHostException | NumberFormatException e) {
                return false;
            }
        }

        /** Full dotted IPv4 or an IPv6 literal only (not "10" or "10.1"), so that matching never looks a name up. */
        private static boolean isAddress(String s) {
            return IPV4.matcher(s).matches()
                    || (s.contains(":") && IPV6.matcher(s).matches());
        }
    }
}
