package flags.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small fake flag directories for the server tests. */
final class SampleDir {

    private SampleDir() {}

    /** Fake GIF bytes for a code: a real GIF header, then a marker naming the code. */
    static byte[] gif(String cc) {
        return ("GIF89a fake flag of " + cc).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] json(String cc) {
        return ("{\"country\": \"Country " + cc + "\", \"iso_cc\": \"" + cc.toUpperCase() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Writes {@code cc/cc.gif} and {@code cc/metadata.json} under {@code dir} for each code. */
    static Path create(Path dir, String... codes) throws IOException {
        for (String cc : codes) {
            Path sub = Files.createDirectories(dir.resolve(cc));
            Files.write(sub.resolve(cc + ".gif"), gif(cc));
            Files.write(sub.resolve("metadata.json"), json(cc));
        }
        return dir;
    }
}
