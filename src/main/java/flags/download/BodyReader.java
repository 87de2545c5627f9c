package flags.download;

import flags.http.BodySink;
import flags.http.Head;
import java.io.IOException;

/** Opens the sink a 200's body goes to, given its head: a temporary file for a flag, a buffer for a name. */
@FunctionalInterface
interface BodyReader<T> {
    BodySink<T> open(Head head) throws IOException;
}
