package flags.cli;

import flags.text.Failures;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output that remembers why writing failed. A {@link PrintWriter} only says that it failed
 * ({@link #checkError()}); a closed pipe ({@code flags seq -v | head -3}) and a full disk ({@code > /dev/full})
 * call for different answers, so the first failure's reason is kept.
 */
final class StdoutWriter extends PrintWriter {
    private final Recording stream;

    private StdoutWriter(Recording stream, Charset charset) {
        super(new OutputStreamWriter(stream, charset), true);
        this.stream = stream;
    }

    /** The process's standard output, in the charset {@code System.out} uses. */
    static StdoutWriter open() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset;
        try {
            charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            charset = Charset.defaultCharset();
        }
        return new StdoutWriter(new Recording(new FileOutputStream(FileDescriptor.out)), charset);
    }

    /** Why writing failed, as the OS said it ("Broken pipe", "No space left on device"); null if it has not. */
    String failure() {
        IOException e = stream.failure;
        return e == null ? null : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Whether the reader went away: a closed pipe, which a Unix tool answers by exiting quietly. */
    static boolean closedPipe(PrintWriter out) {
        return out instanceof StdoutWriter w
                && w.failure() != null
                && w.failure().contains("Broken pipe");
    }

    /** The reason a writer failed, when it can tell. */
    static String reason(PrintWriter out) {
        String why = out instanceof StdoutWriter w ? w.failure() : null;
        return why == null ? "write error" : Failures.lowerFirst(why);
    }

    private static final class Recording extends FilterOutputStream {
        private volatile IOException failure;

        Recording(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                record(e);
                throw e;
            }
        }

        private void record(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
