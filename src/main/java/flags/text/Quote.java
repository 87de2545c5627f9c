package flags.text;

/**
 * Untrusted text (a code typed by the user, a line of an input file, a name a server sent) made safe to show on one
 * line of a terminal: quoted, control and invisible formatting characters escaped (so an escape sequence cannot
 * retitle or recolour the terminal), and cut when long.
 */
public final class Quote {
    /** Longest piece of untrusted text a message shows. */
    public static final int MAX_SHOWN = 60;

    private Quote() {}

    /** {@code 'BR'}; {@code 'a\x1b]0;x\x07'}; a long value cut with {@code …}. */
    public static String of(String text) {
        return "'" + escape(text, MAX_SHOWN) + "'";
    }

    /** Raw bytes quoted: printable ASCII as itself, any other byte as {@code \xNN}; at most {@code max} bytes. */
    public static String bytes(byte[] bytes, int max) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < bytes.length; i++) {
            if (i == max) {
                return out.append("\u2026'").toString();
            }
            int b = bytes[i] & 0xFF;
            if (b == '\\') {
                out.append("\\\\");
            } else if (b >= 0x20 && b < 0x7F) {
                out.append((char) b);
            } else {
                out.append(String.format("\\x%02x", b));
            }
        }
        return out.append("'").toString();
    }

    /**
     * The text with unprintable characters (and backslashes, so the escapes are unambiguous) escaped, at most {@code
     * max} code points of it.
     */
    public static String escape(String text, int max) {
        return escape(text, max, true);
    }

    /**
     * A message that may already hold quoted text: control characters escaped, backslashes left alone (they
     * would be escaped twice), cut at {@code max} code points.
     */
    public static String message(String text, int max) {
        return escape(text, max, false);
    }

    private static String escape(String text, int max, boolean backslashes) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (shown++ == max) {
                return out.append('\u2026').toString();
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append(backslashes ? "\\\\" : "\\");
                default -> {
                    if (unprintable(c)) {
                        out.append(c <= 0xFF ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Control characters, bidi and other invisible format characters, separators, lone surrogates, unassigned. */
    static boolean unprintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
