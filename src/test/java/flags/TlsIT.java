package flags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.testing.FakeFlags;
import flags.testing.JarProcess;
import flags.testing.SelfSigned;
import java.io.File;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged jar sets TLS up only when an https URL comes: a plain-HTTP run never loads the JDK's trust store,
 * a redirect to https is followed over TLS that trusts what the JVM trusts, and nothing else.
 */
@Timeout(120)
class TlsIT {
    private static final String TRUST_STORE_CLASS = "sun.security.ssl.TrustStoreManager ";

    @TempDir
    Path work;

    private SelfSigned certificate;
    private MockWebServer secure;
    private MockWebServer plain;

    @BeforeEach
    void servers() throws Exception {
        certificate = SelfSigned.create(work, "loopback");
        secure = new MockWebServer();
        secure.useHttps(certificate.serverSockets());
        secure.setDispatcher(FakeFlags.allFound());
        secure.start(InetAddress.getLoopbackAddress(), 0);
        plain = new MockWebServer();
        plain.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        plain.close();
        secure.close();
    }

    @Test
    void aPlainHttpRunNeverLoadsTheTrustStore() throws Exception {
        plain.setDispatcher(FakeFlags.allFound());
        Run run = flags(List.of(), "seq", "-s", plain.url("/flags").toString(), "BR");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.classes().contains(" flags.download.FlagClient "), "the class log works");
        assertFalse(run.classes().contains(TRUST_STORE_CLASS), "the trust store was loaded for plain HTTP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "nio"})
    void aRedirectToHttpsIsFollowedOverTlsTheJvmTrusts(String command) throws Exception {
        plain.setDispatcher(redirectingTo(secure));
        Run run = flags(
                List.of(
                        "-Djavax.net.ssl.trustStore=" + certificate.file(),
                        "-Djavax.net.ssl.trustStorePassword=" + certificate.password(),
                        "-Djavax.net.ssl.trustStoreType=PKCS12"),
                command,
                "-s",
                plain.url("/flags").toString(),
                "BR",
                "CN");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("  2 flags downloaded.\n"), run.out());
        assertArrayEquals(FakeFlags.gif("CN"), Files.readAllBytes(work.resolve("downloaded/cn.gif")));
        assertEquals(2, secure.getRequestCount());
        assertTrue(run.classes().contains(TRUST_STORE_CLASS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seq", "nio"})
    void aCertificateTheJvmDoesNotTrustIsAnError(String command) throws Exception {
        plain.setDispatcher(redirectingTo(secure));
        Run run = flags(List.of(), command, "-s", plain.url("/flags").toString(), "BR");

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("TLS error"), run.out());
        assertFalse(Files.exists(work.resolve("downloaded/br.gif")));
        assertEquals(0, secure.getRequestCount());
    }

    record Run(int exitCode, String out, String err, String classes) {}

    private Run flags(List<String> jvmOptions, String... args) throws Exception {
        Path classes = work.resolve("classes.txt");
        ProcessBuilder pb = JarProcess.builder(work, args);
        List<String> command = new ArrayList<>(pb.command());
        command.addAll(1, jvmOptions);
        command.add(1, "-Xlog:class+load=info:file=" + classes);
        File out = work.resolve("out.txt").toFile();
        File err = work.resolve("err.txt").toFile();
        Process p = pb.command(command).redirectOutput(out).redirectError(err).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("flags did not finish within 60 s");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8),
                Files.readString(classes));
    }

    /** Answers every request with a redirect to the same path on {@code target}. */
    private static Dispatcher redirectingTo(MockWebServer target) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder()
                        .code(302)
                        .addHeader(
                                "Location",
                                target.url(request.getUrl().encodedPath()).toString())
                        .build();
            }
        };
    }
}
