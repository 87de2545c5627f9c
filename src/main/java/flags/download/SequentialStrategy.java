package flags.download;

import java.util.List;
import java.util.function.Consumer;

/** {@code flags seq}: one request at a time, a plain loop (Fluent Python's flags.py). */
public final class SequentialStrategy implements Strategy {
    @Override
    public String name() {
        return "seq";
    }

    @Override
    public int concurrency(int codes) {
        return 1;
    }

    @Override
    public void run(List<String> codes, FlagClient client, Consumer<DownloadResult> onDone)
            throws InterruptedException {
        for (String cc : codes) {
            onDone.accept(client.downloadOne(cc)); // interrupted, it returns the code as not done
            if (Thread.interrupted()) {
                client.cancel(); // the contract: a stopped strategy leaves no retry or request to start
                throw new InterruptedException("interrupted after " + cc);
            }
        }
    }
}
