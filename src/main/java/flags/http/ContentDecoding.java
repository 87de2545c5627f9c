package flags.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.Okio;
import okio.Source;

/**
 * Decodes a {@code Content-Encoding: gzip} body, as OkHttp would, but says "bad gzip body" when it is not gzip
 * (OkHttp would report okio's "ID1ID2: actual ... != expected ..." as if the body had been cut short), and
 * tells the network's own failures (a reset, a timeout) apart from the encoding's. Requests ask for gzip
 * themselves, which turns OkHttp's transparent decoding off.
 */
final class ContentDecoding implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        List<String> codings = response.headers("Content-Encoding");
        if (!response.isSuccessful()) {
            return response;
        }
        String unsupported = HeadRules.unsupportedCoding(codings);
        if (unsupported != null) {
            // Never asked for, so never decoded: say so when the body is read, where its status is known.
            return refusing(response, unsupported);
        }
        if (!HeadRules.gzip(codings)) {
            return response; // identity: the body's own checks judge it
        }
        ResponseBody raw = response.body();
        boolean closeDelimited = raw.contentLength() < 0 && response.header("Transfer-Encoding") == null;
        Tap network = new Tap(raw.source());
        Source decoded = new ForwardingSource(new GzipSource(network)) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                try {
                    return super.read(sink, byteCount);
                } catch (IOException e) {
                    if (e == network.failure || e instanceof InterruptedIOException) {
                        throw e;
                    }
                    if (network.ended && closeDelimited && e instanceof EOFException) {
                        // The connection, which was to say where the body ends, ended inside the gzip stream: cut
                        // short, like any body, not a server's broken gzip (a framed body arrived whole).
                        throw e;
                    }
                    String message = e.getMessage() == null ? "" : e.getMessage();
                    String why = message.startsWith("ID1ID2")
                            ? "it is not gzip"
                            : message.startsWith("gzip finished without exhausting source")
                                    ? HeadRules.SEVERAL_MEMBERS
                                    : e instanceof EOFException ? "it ends early" : "it is corrupt";
                    throw new BadAnswerException("bad gzip body: " + why, e);
                }
            }
        };
        return response.newBuilder()
                .removeHeader("Content-Encoding")
                .removeHeader("Content-Length")
                .body(ResponseBody.create(Okio.buffer(decoded), raw.contentType(), -1))
                .build();
    }

    /** The answer with a body that fails with {@code reason} when read; the connection is not reused. */
    private static Response refusing(Response response, String reason) {
        response.close();
        Source failing = new ForwardingSource(new Buffer()) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                throw new BadAnswerException(reason);
            }
        };
        return response.newBuilder()
                .body(ResponseBody.create(Okio.buffer(failing), response.body().contentType(), -1))
                .build();
    }

    /** The encoded bytes as they arrive, remembering the failure the network gave, if any. */
    private static final class Tap extends ForwardingSource {
        private IOException failure;
        private boolean ended;

        Tap(Source delegate) {
            super(delegate);
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            try {
                long n = super.read(sink, byteCount);
                ended |= n == -1;
                return n;
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }
    }
}
