package flags.download;

import flags.http.AttemptLog;
import flags.http.BadAnswerException;
import flags.http.BodySink;
import flags.http.Exchange;
import flags.http.Head;
import flags.http.StatusCodes;
import flags.store.InvalidBodyException;
import flags.store.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;

/** One request's answer judged: the head decides, the body (for 200 and 203) goes to the reader's sink. */
final class Judging<T> implements Exchange<Answer<T>> {
    private final BodyReader<T> reader;
    private final AttemptLog log;
    private final IoFailures failures;
    private int code;
    private Answer<T> decided;

    Judging(BodyReader<T> reader, AttemptLog log, IoFailures failures) {
        this.reader = reader;
        this.log = log;
        this.failures = failures;
    }

    @Override
    public BodySink<Answer<T>> head(Head head) {
        code = head.code();
        if (StatusCodes.savesBody(code)) {
            BodySink<T> body;
            try {
                body = reader.open(head);
            } catch (IOException e) {
                decided = bodyFailure(e);
                return BodySink.ignoring(decided);
            }
            return new BodySink<>() {
                @Override
                public void write(ByteBuffer chunk) throws IOException {
                    body.write(chunk);
                }

                @Override
                public Answer<T> end() throws IOException {
                    return Answer.ok(code, body.end());
                }

                @Override
                public IOException abandon(IOException why) {
                    return body.abandon(why);
                }
            };
        }
        if (code == 404) {
            decided = Answer.notFound(code);
        } else {
            decided = Answer.failed(
                    code,
                    StatusCodes.reason(code, head.reason()),
                    StatusCodes.retryable(code),
                    StatusCodes.retryAfter(log.retryAfter()));
        }
        return BodySink.ignoring(decided);
    }

    @Override
    public Answer<T> failed(IOException e) {
        if (decided != null) {
            return decided;
        }
        return code == 0 ? failures.answer(e) : bodyFailure(e);
    }

    /** A 200's body that could not be used: the reason, with the status it came with. */
    private Answer<T> bodyFailure(IOException e) {
        if (e instanceof InvalidBodyException || e instanceof StorageException || e instanceof BadAnswerException) {
            return Answer.failed(code, e.getMessage(), false, null);
        }
        Answer<T> failed = failures.answer(e);
        return failed.status() == Status.NOT_DONE
                ? failed
                : Answer.failed(code, failed.error(), failed.retryable(), null);
    }
}
