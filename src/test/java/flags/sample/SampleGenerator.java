package flags.sample;

import flags.input.Countries;
import flags.input.Country;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the flags-sample data set (cc/cc.gif and cc/metadata.json for every shipped country) from our own drawings.
 */
public final class SampleGenerator {
    /** Output width of every flag; the height follows the flag's real aspect ratio. */
    static final int WIDTH = 480;
    /** Each output pixel averages a SUPERSAMPLE x SUPERSAMPLE block of the aliased drawing. */
    static final int SUPERSAMPLE = 3;

    private SampleGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "flags-sample");
        long start = System.nanoTime();
        List<Country> countries = generate(out);
        long placeholders = countries.stream()
                .filter(c -> FlagDesigns.get(c.code()).placeholder())
                .count();
        System.out.printf(
                Locale.ROOT,
                "%d flags (%d placeholders) written to %s in %.1f s%n",
                countries.size(),
                placeholders,
                out,
                (System.nanoTime() - start) / 1e9);
    }

    /** Writes every country's files under {@code out}, creating it if needed. */
    public static List<Country> generate(Path out) throws IOException {
        List<Country> countries = Countries.load();
        for (Country c : countries) {
            Path dir = out.resolve(c.code().toLowerCase(Locale.ROOT));
            Files.createDirectories(dir);
            Files.write(dir.resolve(c.code().toLowerCase(Locale.ROOT) + ".gif"), gif(c.code()));
            Files.writeString(dir.resolve("metadata.json"), metadataJson(c), StandardCharsets.UTF_8);
        }
        return countries;
    }

    /**
     * The same shape as Fluent Python's files: {"country": ..., "iso_cc": ..., "tld_cc": ...}. A fixed format keeps
     * the generator runnable on the project's classes alone; it refuses values that would need JSON escaping.
     */
    static String metadataJson(Country c) {
        return String.format(
                Locale.ROOT,
                "{\"country\": \"%s\", \"iso_cc\": \"%s\", \"tld_cc\": \"%s\"}\n",
                plain(c.name()),
                plain(c.code()),
                plain(c.tld()));
    }

    private static String plain(String value) {
        if (!value.matches("[\\x20-\\x7E&&[^\"\\\\]]+")) {
            throw new IllegalArgumentException("not plain printable ASCII: " + value);
        }
        return value;
    }

    static byte[] gif(String code) {
        FlagDesigns.Design design = FlagDesigns.get(code);
        int height = (int) Math.round(WIDTH * design.heightOverWidth());
        Canvas canvas = new Canvas(WIDTH * SUPERSAMPLE, height * SUPERSAMPLE);
        new FlagPainter(canvas, code).paint(design.layers());
        try {
            return GifPalette.gif(canvas.downsample(SUPERSAMPLE), Cloth.levels(WIDTH, height), WIDTH, height);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot encode " + code, e);
        }
    }
}
