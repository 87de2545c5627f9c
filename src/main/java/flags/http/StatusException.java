package flags.http;

import java.io.IOException;

/**
 * A well-formed answer that OkHttp would not hand over as one (a 407 when no proxy is in use): its status and
 * reason, for the code's result.
 */
public final class StatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int code;

    StatusException(int code, String phrase) {
        super(StatusCodes.reason(code, phrase));
        this.code = code;
    }

    public int code() {
        return code;
    }
}
