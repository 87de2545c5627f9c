package flags.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long an answer's head is, as OkHttp reads it, to tell whether a server sent more than its answer. */
class ConnectionRulesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "CRLF lines|HTTP/1.1 200 OK\\r\\nContent-Length: 3\\r\\n\\r\\nGIF|38",
                "LF lines|HTTP/1.1 200 OK\\nContent-Length: 3\\n\\nGIF|35",
                "a 100 Continue first|HTTP/1.1 100 Continue\\r\\n\\r\\nHTTP/1.1 200 OK\\r\\n\\r\\nGIF|44",
                "a 103 with a header first|HTTP/1.1 103 Early Hints\\r\\nLink: </a>\\r\\n\\r\\nHTTP/1.1 204 No Content\\r\\n\\r\\n|67",
                "101 is the answer itself|HTTP/1.1 101 Switching Protocols\\r\\n\\r\\nxyz|36",
                "not a whole head yet|HTTP/1.1 200 OK\\r\\nContent-Le|-1"
            })
    void headLength(String name, String bytes, long expected) {
        String text = bytes.replace("\\r", "\r").replace("\\n", "\n");
        assertEquals(expected, ConnectionRules.headLength(text.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
