package flags.testing;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/** A MockWebServer dispatcher serving fake flags at {@code /flags/cc/cc.gif}, with a chosen answer per code. */
public final class FakeFlags extends Dispatcher {
    private final Map<String, Function<String, MockResponse>> answers = new ConcurrentHashMap<>();
    private final Map<String, MockResponse> metadata = new ConcurrentHashMap<>();
    private final Function<String, MockResponse> fallback;

    public FakeFlags(Function<String, MockResponse> fallback) {
        this.fallback = fallback;
    }

    /** Every code is found unless told otherwise. */
    public static FakeFlags allFound() {
        return new FakeFlags(FakeFlags::gifResponse);
    }

    public FakeFlags answer(String cc, Function<String, MockResponse> answer) {
        answers.put(cc.toUpperCase(), answer);
        return this;
    }

    public FakeFlags status(String cc, int code) {
        return answer(
                cc,
                c -> new MockResponse.Builder().code(code).body("no flag here").build());
    }

    /** Serves {@code /flags/cc/metadata.json} with this country name (any string, however hostile). */
    public FakeFlags country(String cc, String name) {
        JsonObject o = new JsonObject();
        o.addProperty("country", name);
        o.addProperty("iso_cc", cc.toUpperCase());
        metadata.put(
                cc.toUpperCase(),
                new MockResponse.Builder()
                        .code(200)
                        .addHeader("Content-Type", "application/json")
                        .body(o.toString())
                        .build());
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        String[] parts = request.getUrl().encodedPath().split("/");
        // /flags/cc/cc.gif -> ["", "flags", "cc", "cc.gif"]
        if (parts.length == 4 && parts[3].equals("metadata.json")) {
            return metadata.getOrDefault(
                    parts[2].toUpperCase(), new MockResponse.Builder().code(404).build());
        }
        if (parts.length != 4 || !parts[3].equals(parts[2] + ".gif")) {
            return new MockResponse.Builder().code(404).build();
        }
        String cc = parts[2].toUpperCase();
        return answers.getOrDefault(cc, fallback).apply(cc);
    }

    /** A small body that passes as a GIF (right magic bytes), distinct per code so files can be told apart. */
    public static byte[] gif(String cc) {
        String body = "GIF89a" + "flag of " + cc.toUpperCase() + " ".repeat(200);
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    public static MockResponse gifResponse(String cc) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/gif")
                .body(new Buffer().write(gif(cc)))
                .build();
    }
}
