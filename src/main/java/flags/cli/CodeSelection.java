package flags.cli;

import flags.input.Codes;
import flags.input.Countries;
import flags.text.Failures;
import flags.text.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Picks the codes of a run from {@code CC...}, {@code -a}, {@code -e} or {@code -i} (one of them), then {@code -l}. */
final class CodeSelection {
    private CodeSelection() {}

    /** The sorted, de-duplicated, limited codes; {@link UsageException} for any bad input. */
    static List<String> resolve(DownloadMixin o, InputStream stdin) {
        int sources = (o.codes.isEmpty() ? 0 : 1) + (o.all ? 1 : 0) + (o.every ? 1 : 0) + (o.input == null ? 0 : 1);
        if (sources > 1) {
            throw new UsageException("choose one source of codes: CC..., -a, -e or -i");
        }
        if (o.limit != null && o.limit < 1) {
            throw UsageException.badValue("--limit", "1 or more", o.limit);
        }
        List<String> codes;
        try {
            codes = o.all
                    ? Countries.codes()
                    : o.every
                            ? Codes.every()
                            : o.input != null
                                    ? read(o.input, stdin)
                                    : o.codes.isEmpty() ? Codes.POP20 : Codes.expand(o.codes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (codes.isEmpty()) {
            throw new UsageException("no codes to download in " + Quote.of(String.valueOf(o.input)));
        }
        return Codes.normalise(codes, o.limit);
    }

    private static List<String> read(Path input, InputStream stdin) {
        String shown = Quote.of(input.toString());
        try {
            if (input.toString().equals("-")) {
                return Codes.read(stdin, "standard input");
            }
            try (InputStream in = Files.newInputStream(input)) {
                return Codes.read(in, shown);
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + shown + ": " + Failures.describe(e));
        }
    }
}
