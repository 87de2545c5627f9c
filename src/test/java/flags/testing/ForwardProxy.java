package flags.testing;

import java.io.IOException;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A forward HTTP proxy on loopback, as small as one can be: it takes absolute-form requests ({@code GET
 * http://host:port/path HTTP/1.1}), asks the origin and relays its answer (status, headers, body with its length), then
 * closes the connection. It records every request it was given, so a test can tell what went through it and with which
 * {@code Proxy-Authorization}; given credentials, it answers 407 to a request without them.
 */
public final class ForwardProxy implements AutoCloseable {
    /** Headers about one connection, which a proxy does not pass on. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private final OkHttpClient origin;
    private final RawServer server;

    private ForwardProxy(OkHttpClient origin, RawServer server) {
        this.origin = origin;
        this.server = server;
    }

    /** A proxy that lets everyone through. */
    public static ForwardProxy start() throws IOException {
        return start(null, null);
    }

    /** A proxy that requires Basic {@code user:password}; null for none. */
    public static ForwardProxy start(String user, String password) throws IOException {
        String expected = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        OkHttpClient origin = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .build();
        return new ForwardProxy(origin, RawServer.start(request -> relay(origin, request, expected)));
    }

    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT}, with {@code userInfo@} when given. */
    public String url(String userInfo) {
        return "http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port();
    }

    /** Every request the proxy was given, in order; their targets are absolute URLs. */
    public List<RawServer.Request> requests() {
        return server.requests();
    }

    @Override
    public void close() throws IOException {
        server.close();
        origin.dispatcher().executorService().shutdown();
        origin.connectionPool().evictAll();
    }

    private static RawServer.Reply relay(OkHttpClient origin, RawServer.Request request, String expectedAuthorization) {
        if (expectedAuthorization != null && !expectedAuthorization.equals(request.header("Proxy-Authorization"))) {
            return RawServer.Reply.close(RawServer.head(
                    "HTTP/1.1 407 Proxy Authentication Required",
                    "Proxy-Authenticate: Basic realm=\"test\"",
                    "Content-Length: 0",
                    "Connection: close"));
        }
        HttpUrl target = HttpUrl.parse(request.target());
        if (target == null || !request.method().equals("GET")) {
            return RawServer.Reply.close(
                    RawServer.head("HTTP/1.1 400 Bad Request", "Content-Length: 0", "Connection: close"));
        }
        Request.Builder forward = new Request.Builder().url(target);
        request.headers().forEach((name, value) -> {
            if (!name.startsWith("proxy-") && !HOP_BY_HOP.contains(name)) {
                forward.header(name, value);
            }
        });
        try (Response answer = origin.newCall(forward.build()).execute()) {
            byte[] body = answer.body().bytes();
            List<String> headers = new ArrayList<>();
            answer.headers().forEach(h -> {
                if (!HOP_BY_HOP.contains(h.getFirst().toLowerCase(Locale.ROOT))
                        && !h.getFirst().equalsIgnoreCase("Content-Length")) {
                    headers.add(h.getFirst() + ": " + h.getSecond());
                }
            });
            headers.add("Content-Length: " + body.length);
            headers.add("Connection: close");
            String status = "HTTP/1.1 " + answer.code() + " " + answer.message();
            return RawServer.Reply.close(
                    RawServer.concat(RawServer.head(status, headers.toArray(String[]::new)), body));
        } catch (IOException e) {
            return RawServer.Reply.close(
                    RawServer.head("HTTP/1.1 502 Bad Gateway", "Content-Length: 0", "Connection: close"));
        }
    }
}
