package flags.store;

import flags.text.Quote;
import java.nio.charset.Charset;
import java.util.regex.Pattern;

/**
 * File names taken from server data ({@code --names}): accepted only when they are a plain, visible file name that
 * this system can store, so a name can neither become a path nor hide what it says.
 */
public final class FileNames {
    /** Bytes in a file name on Linux and macOS file systems. */
    private static final int MAX_BYTES = 255;
    /** Characters some file system refuses: refused everywhere, so a folder of flags copies anywhere. */
    private static final String NOT_PORTABLE = "\\:*?\"<>|";
    /** Names Windows keeps for devices, whatever the extension. */
    private static final Pattern SPACES = Pattern.compile("\\p{Zs}");

    private static final Pattern DEVICE = Pattern.compile("(?i)(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])");

    private FileNames() {}

    /** {@code "Côte d'Ivoire"} becomes {@code "Côte_d'Ivoire.gif"}; anything else is refused, saying why. */
    public static String forCountry(String country) {
        // Every kind of space (no-break, thin...) becomes '_', as the plain one does.
        String name = country == null ? "" : SPACES.matcher(country.strip()).replaceAll("_");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("country name is empty");
        }
        String refused = "country name " + Quote.of(country) + " is not a plain file name: ";
        if (DEVICE.matcher(name).matches()) {
            throw new IllegalArgumentException(refused + "it is a device name on Windows");
        }
        if (name.startsWith(".")) {
            throw new IllegalArgumentException(refused + "it starts with '.'");
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException(refused + "it contains '/'");
        }
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (NOT_PORTABLE.indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        refused + "it contains '" + (char) c + "', which not every system allows");
            }
            String kind = invisible(c);
            if (kind != null) {
                throw new IllegalArgumentException(refused + "it contains " + kind + String.format(" (U+%04X)", c));
            }
        }
        String file = name + ".gif";
        Charset names = fileNameCharset();
        if (!names.newEncoder().canEncode(file)) {
            throw new IllegalArgumentException(refused + "this system's file names are " + names.name()
                    + " (set a UTF-8 locale, e.g. LANG=C.UTF-8)");
        }
        if (file.getBytes(names).length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "country name is longer than a file name can be (" + MAX_BYTES + " bytes)");
        }
        return file;
    }

    private static String invisible(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL -> "a control character";
            case Character.FORMAT -> "an invisible formatting character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line or paragraph separator";
            case Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> "a character with no meaning";
            default -> null;
        };
    }

    /** The charset the JVM encodes file names in: the locale's, which is ASCII under LANG=C. */
    private static Charset fileNameCharset() {
        try {
            return Charset.forName(System.getProperty(
                    "sun.jnu.encoding", Charset.defaultCharset().name()));
        } catch (IllegalArgumentException e) { // unknown or illegal name
            return Charset.defaultCharset();
        }
    }
}
