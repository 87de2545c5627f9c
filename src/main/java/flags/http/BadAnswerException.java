package flags.http;

import java.io.IOException;

/**
 * An answer that breaks HTTP's rules (garbage for a status line, conflicting lengths, a gzip body that is not
 * gzip): the same server sends the same bytes again, so it is never retried.
 */
public final class BadAnswerException extends IOException {
    private static final long serialVersionUID = 1L;

    BadAnswerException(String message) {
        super(message);
    }

    BadAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
