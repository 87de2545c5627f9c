package flags.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** What the program can learn of the terminal it runs in: whether a stream goes to it, and how wide it is. */
public final class Terminal {
    private Terminal() {}

    /** Whether stdout is a terminal, as {@code test -t 1} says. */
    public static boolean stdoutIsTerminal() {
        return test(new ProcessBuilder("test", "-t", "1").redirectOutput(ProcessBuilder.Redirect.INHERIT));
    }

    /**
     * Whether stderr is a terminal. Java cannot tell ({@code System.console()} looks at stdin and stdout, and from
     * Java 22 answers even without a terminal), so ask {@code test -t 2} with our stderr inherited, as JLine's exec
     * provider does; JLine's own entry point would also load its native library (and warn about it on Java 24+)
     * just to answer this.
     */
    public static boolean stderrIsTerminal() {
        return test(new ProcessBuilder("test", "-t", "2").redirectError(ProcessBuilder.Redirect.INHERIT));
    }

    private static boolean test(ProcessBuilder test) {
        try {
            return test.start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The terminal's width now, asked of the terminal itself ({@code stty size} on {@code /dev/tty}) at most twice a
     * second so that a resize shows at the next redraw; {@code $COLUMNS}, then 80, when there is no terminal to ask.
     */
    public static final class Width {
        private static final long ASK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
        private static final File TTY = new File("/dev/tty");
        private long askedAt = System.nanoTime() - ASK_EVERY_NANOS;
        private int columns = fallback();

        public synchronized int columns() {
            long now = System.nanoTime();
            if (now - askedAt >= ASK_EVERY_NANOS) {
                askedAt = now;
                int asked = ask();
                if (asked > 0) {
                    columns = asked;
                }
            }
            return Math.max(20, columns); // below 40 the bar drops to its count; below 20 nothing fits anyway
        }

        private static int ask() {
            try {
                Process stty = new ProcessBuilder("stty", "size")
                        .redirectInput(TTY)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                if (!stty.waitFor(1, TimeUnit.SECONDS)) { // its few bytes of output fit the pipe
                    stty.destroy();
                    return -1;
                }
                String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
                if (stty.exitValue() != 0) {
                    return -1;
                }
                String[] rowsCols = out.split("\\s+");
                return rowsCols.length == 2 ? Integer.parseInt(rowsCols[1]) : -1;
            } catch (IOException | NumberFormatException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        private static int fallback() {
            try {
                return Integer.parseInt(
                        System.getenv().getOrDefault("COLUMNS", "80").strip());
            } catch (NumberFormatException e) {
                return 80;
            }
        }
    }
}
