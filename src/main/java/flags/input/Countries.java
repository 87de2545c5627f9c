package flags.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The 194-country list shipped as a resource (Fluent Python's list), read once per use. */
public final class Countries {
    private static final String RESOURCE = "/flags/countries.tsv";

    private Countries() {}

    /** Every country of the shipped list, in code order. */
    public static List<Country> load() {
        try (InputStream in = Countries.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Country> countries = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                countries.add(new Country(f[0], f[1], f[2]));
            }
            return List.copyOf(countries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just the codes of {@link #load()}. */
    public static List<String> codes() {
        return load().stream().map(Country::code).toList();
    }
}
