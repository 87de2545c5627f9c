package flags.store;

import java.io.IOException;

/** A 200 answer whose body must not be saved (not an image, empty, too large, bad metadata): never retried. */
public final class InvalidBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    public InvalidBodyException(String message) {
        super(message);
    }
}
