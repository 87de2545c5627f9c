package flags.store;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import flags.text.Quote;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The {@code country} of a {@code metadata.json} body ({@code {"country": "Brazil", ...}}): decoded in the charset
 * the server declared (UTF-8 when none), a UTF-8 byte order mark skipped, strict JSON only, and the name must be
 * a JSON string. Anything else is an error for that code, never a guess.
 */
final class CountryName {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CountryName() {}

    static String parse(byte[] body, Charset charset) throws InvalidBodyException {
        String json = decode(body, charset);
        JsonElement root;
        boolean more;
        JsonReader reader = new JsonReader(new StringReader(json));
        reader.setStrictness(Strictness.STRICT);
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            throw new InvalidBodyException("metadata is not JSON");
        }
        try {
            more = reader.peek() != JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException e) {
            more = true; // strict mode refuses a second value before it could be peeked
        }
        if (more) {
            throw new InvalidBodyException("metadata is not JSON: something follows the object");
        }
        if (!root.isJsonObject()) {
            throw new InvalidBodyException("metadata is not a JSON object");
        }
        JsonObject object = root.getAsJsonObject();
        JsonElement country = object.get("country");
        if (country == null || country.isJsonNull()) {
            throw new InvalidBodyException("metadata has no country name");
        }
        if (!country.isJsonPrimitive() || !country.getAsJsonPrimitive().isString()) {
            throw new InvalidBodyException("metadata's country is not a JSON string: " + Quote.of(country.toString()));
        }
        return country.getAsString();
    }

    private static String decode(byte[] body, Charset charset) throws InvalidBodyException {
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8)
                && body.length >= 3
                && body[0] == UTF8_BOM[0]
                && body[1] == UTF8_BOM[1]
                && body[2] == UTF8_BOM[2]) {
            start = 3;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidBodyException("metadata is not valid " + charset.name());
        }
    }
}
