package flags.text;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/** What went wrong, in the words a user of curl or wget would expect, whatever exception said it. */
public final class Failures {
    private Failures() {}

    /**
     * The reason of a file system failure as the OS puts it ("permission denied", "no space left on device",
     * "read-only file system"), never just the path repeated.
     */
    public static String describe(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "a directory is in the way";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return lowerFirst(f.getReason());
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return e instanceof EOFException
                    ? "connection closed"
                    : e.getClass().getSimpleName();
        }
        return lowerFirst(e.getMessage()); // the OS's own words ("No space left on device"), after a colon
    }

    /**
     * Why a body stopped arriving: the connection closed or was reset, or the framing broke. OkHttp says
     * "unexpected end of stream" (or nothing at all) for a closed connection.
     */
    public static String cutShort(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof EOFException || message.startsWith("unexpected end of stream")) {
            return "connection closed";
        }
        if (e instanceof SocketException) {
            return message.toLowerCase(Locale.ROOT).contains("reset") ? "connection reset" : lowerFirst(message);
        }
        if (e instanceof ProtocolException) {
            return "malformed body: " + message;
        }
        return describe(e);
    }

    /**
     * A failure outside the expected I/O errors, for one code: still that code's error, in a user's words where
     * there are any. Only what cannot be explained is "internal error", since that is a bug of ours.
     */
    public static String unexpected(Throwable t) {
        if (t instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (t instanceof IOException io) {
            return describe(io);
        }
        if (t instanceof InvalidPathException p) {
            return "cannot be a file name here: " + p.getReason();
        }
        if (t instanceof SecurityException) {
            return "permission denied";
        }
        return "internal error: " + t;
    }

    /** "No space left on device" as "no space left on device", to follow a colon; "TLS ..." kept. */
    public static String lowerFirst(String s) {
        return s.isEmpty() || Character.isUpperCase(s.codePointAt(1 < s.length() ? 1 : 0))
                ? s
                : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
