package flags.sample;

import java.util.Arrays;

/** The words of one layer, consumed left to right. */
final class Args {
    private final String[] words;
    private int next;

    Args(String[] words) {
        this.words = words;
    }

    boolean has() {
        return next < words.length;
    }

    String word() {
        if (!has()) {
            throw new IllegalArgumentException("missing argument");
        }
        return words[next++];
    }

    /** A number, written as a decimal or as a fraction like 7/13. */
    double num() {
        String w = word();
        int slash = w.indexOf('/');
        return slash < 0
                ? Double.parseDouble(w)
                : Double.parseDouble(w.substring(0, slash)) / Double.parseDouble(w.substring(slash + 1));
    }

    int color() {
        return parseColor(word());
    }

    String[] restWords() {
        String[] rest = Arrays.copyOfRange(words, next, words.length);
        next = words.length;
        return rest;
    }

    double[] rest() {
        double[] xy = new double[words.length - next];
        for (int i = 0; i < xy.length; i++) {
            xy[i] = num();
        }
        return xy;
    }

    void done() {
        if (has()) {
            throw new IllegalArgumentException("unexpected " + words[next]);
        }
    }

    static int parseColor(String s) {
        return switch (s) {
            case "white" -> 0xFFFFFF;
            case "black" -> 0x000000;
            default -> {
                if (s.length() != 6) {
                    throw new IllegalArgumentException("bad colour " + s);
                }
                yield Integer.parseInt(s, 16);
            }
        };
    }
}
