package flags.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost in a PKCS12 file, made by the JDK's own keytool: the key
 * for a loopback https server, and a trust store a client JVM can be given with {@code -Djavax.net.ssl.trustStore}.
 */
public record SelfSigned(Path file, String password) {
    /** Writes {@code dir/name.p12}, valid for two days. */
    public static SelfSigned create(Path dir, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name + ".p12");
        String password = "changeit";
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        file.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".keytool.txt").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool failed: " + Files.readString(dir.resolve(name + ".keytool.txt")));
        }
        return new SelfSigned(file, password);
    }

    /** Server sockets that present this certificate (for MockWebServer.useHttps). */
    public SSLSocketFactory serverSockets() throws IOException, GeneralSecurityException {
        return context().getSocketFactory();
    }

    /** A listening TLS socket on loopback that presents this certificate, for a server written in a test. */
    public ServerSocket listen() throws IOException, GeneralSecurityException {
        return context().getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private SSLContext context() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
