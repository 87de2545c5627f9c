package flags.input;

import flags.text.Quote;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns what the user typed (codes, letters, a file of codes) into the sorted list of codes to fetch. */
public final class Codes {
    /** The 20 most populous countries, the default batch of the book's scripts. */
    public static final List<String> POP20 = List.of(
            "CN", "IN", "US", "ID", "BR", "PK", "NG", "BD", "RU", "JP", "MX", "PH", "VN", "ET", "EG", "DE", "IR", "TR",
            "CD", "FR");

    private static final Pattern CODE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private Codes() {}

    /**
     * Expands {@code CC...} arguments: two letters are a code, one letter is the 26 codes starting with it.
     * Case-insensitive.
     *
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static List<String> expand(Collection<String> args) {
        List<String> codes = new ArrayList<>();
        for (String arg : args) {
            codes.addAll(expandOne(arg));
        }
        return codes;
    }

    private static List<String> expandOne(String arg) {
        String s = arg.strip();
        if (CODE.matcher(s).matches()) {
            return List.of(s.toUpperCase(Locale.ROOT));
        }
        if (LETTER.matcher(s).matches()) {
            char first = Character.toUpperCase(s.charAt(0));
            List<String> codes = new ArrayList<>(26);
            for (char c = 'A'; c <= 'Z'; c++) {
                codes.add("" + first + c);
            }
            return codes;
        }
        throw new IllegalArgumentException(
                "invalid country code " + Quote.of(arg) + ": expected two letters (BR) or one letter (B)");
    }

    /** Every two-letter combination AA..ZZ (676 codes). */
    public static List<String> every() {
        List<String> codes = new ArrayList<>(676);
        for (char a = 'A'; a <= 'Z'; a++) {
            codes.addAll(expandOne(String.valueOf(a)));
        }
        return codes;
    }

    /**
     * Reads codes from a file or standard input: separated by newlines, spaces or commas; blank lines and
     * {@code #} comments (whole lines or line ends) skipped; a UTF-8 byte order mark skipped. Lines and the number
     * of lines are bounded, so {@code /dev/zero} or a huge line is refused at once, in flat memory.
     *
     * @throws IllegalArgumentException naming the source and line number of the first bad line, quoted safely
     */
    public static List<String> read(InputStream in, String source) throws IOException {
        Set<String> codes = new TreeSet<>(); // one letter is 26 codes: a list could outgrow the bounded input
        InputLines lines = new InputLines(in, source);
        for (String line; (line = lines.next()) != null; ) {
            int hash = line.indexOf('#');
            String content = (hash < 0 ? line : line.substring(0, hash)).strip();
            for (String token : SEPARATORS.split(content)) {
                if (token.isEmpty()) {
                    continue;
                }
                try {
                    codes.addAll(expandOne(token));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + " line " + lines.number() + ": " + e.getMessage());
                }
            }
        }
        return List.copyOf(codes);
    }

    /** Sorts, removes duplicates and keeps the first {@code limit} codes (all when limit is null). */
    public static List<String> normalise(Collection<String> codes, Integer limit) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(codes));
        return limit == null || limit >= sorted.size() ? List.copyOf(sorted) : List.copyOf(sorted.subList(0, limit));
    }
}
