package flags.download;

/** File names taken from server data ({@code --names}): accepted only when they cannot become a path. */
final class FileNames {
    private static final int MAX_LENGTH = 200;

    private FileNames() {}

    /** {@code "Côte d'Ivoire"} becomes {@code "Côte_d'Ivoire.gif"}; anything path-like is refused. */
    static String forCountry(String country) {
        String name = country == null ? "" : country.strip().replace(' ', '_');
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("country name is empty or too long");
        }
        if (name.contains("/") || name.contains("\\") || name.startsWith(".") || name.contains("..")) {
            throw new IllegalArgumentException("country name is not a plain file name: " + printable(name));
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == ':')) {
            throw new IllegalArgumentException("country name has control characters: " + printable(name));
        }
        return name + ".gif";
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> b.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c)));
        return b.toString();
    }
}
