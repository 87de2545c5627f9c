package flags.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A test-side load generator for the flag server over raw NIO, on one thread: opens every connection at
 * once, sends one request on each and reads every answer, so 10,000 concurrent requests cost it one
 * selector and a few buffers. It reports its own CPU time, which shows whether it kept up. Also opens
 * floods of connections that send a partial head and hold it, and slowloris connections that trickle one.
 *
 * <pre>
 * java -cp target/test-classes:target/classes flags.server.LoadGenerator requests PORT N [TIMEOUT_S]
 * java -cp ... flags.server.LoadGenerator slowloris PORT N ROUNDS
 * java -cp ... flags.server.LoadGenerator flood PORT N HOLD_S partial|complete
 * </pre>
 */
final class LoadGenerator {

    private static final String[] CODES = {"br", "cn", "in", "us", "id", "pk", "ng", "bd", "ru", "jp"};

    /** What {@link #requests} saw; times from the start of the run. */
    record Result(
            int connections,
            Map<String, Long> outcomes,
            long bodyBytes,
            Duration lastConnected,
            Duration lastSent,
            Duration lastAnswered,
            Duration slowestAnswer,
            Duration slowestFromConnect,
            Duration elapsed,
            Duration cpu) {

        long ok() {
            return outcomes.getOrDefault("200", 0L);
        }

        String summary() {
            return String.format(
                    "connections=%d outcomes=%s body_bytes=%d last_connected_ms=%d last_sent_ms=%d "
                            + "last_answered_ms=%d slowest_from_send_ms=%d slowest_from_connect_ms=%d elapsed_ms=%d "
                            + "generator_cpu_ms=%d",
                    connections,
                    outcomes,
                    bodyBytes,
                    lastConnected.toMillis(),
                    lastSent.toMillis(),
                    lastAnswered.toMillis(),
                    slowestAnswer.toMillis(),
                    slowestFromConnect.toMillis(),
                    elapsed.toMillis(),
                    cpu.toMillis());
        }
    }

    /** One connection's progress through its single request. */
    private static final class Call {
        final ByteBuffer request;
        final StringBuilder head = new StringBuilder();
        long connectedAt;
        long sentAt;
        int status = -1;
        long contentLength = -1;
        long bodyRead;
        boolean headDone;

        Call(String path, int port) {
            request = ByteBuffer.wrap(
                    ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }

        /** Takes in bytes read; returns true once the whole answer has arrived. */
        boolean consume(ByteBuffer in) {
            while (in.hasRemaining() && !headDone) {
                head.append((char) (in.get() & 0xff));
                if (head.length() >= 4 && head.lastIndexOf("\r\n\r\n") == head.length() - 4) {
                    headDone = true;
                    String[] lines = head.toString().split("\r\n");
                    status = Integer.parseInt(lines[0].split(" ")[1]);
                    for (String line : lines) {
                        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            contentLength = Long.parseLong(line.substring(15).trim());
                        }
                    }
                }
            }
            bodyRead += in.remaining();
            in.position(in.limit());
            return headDone && contentLength >= 0 && bodyRead >= contentLength;
        }
    }

    private LoadGenerator() {}

    /**
     * Opens {@code n} connections to 127.0.0.1:{@code port} at once, sends one GET of a flag on each and reads
     * the answers, for at most {@code timeout}; unanswered calls are counted by what stopped them.
     */
    static Result requests(int port, int n, Duration timeout) throws IOException {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Map<String, Long> outcomes = new TreeMap<>();
        long lastConnected = t0;
        long lastAnswered = t0;
        long lastSent = t0;
        long slowest = 0;
        long slowestFromConnect = 0;
        long bodyBytes = 0;
        ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < n; i++) {
                String cc = CODES[i % CODES.length];
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.SO_LINGER, 0); // no TIME_WAIT pile-up between runs
                Call call = new Call("/flags/" + cc + "/" + cc + ".gif", port);
                if (channel.connect(target)) {
                    call.connectedAt = System.nanoTime();
                    channel.register(selector, SelectionKey.OP_WRITE, call);
                } else {
                    channel.register(selector, SelectionKey.OP_CONNECT, call);
                }
            }
            int open = n;
            while (open > 0 && System.nanoTime() < deadline) {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    SocketChannel channel = (SocketChannel) key.channel();
                    Call call = (Call) key.attachment();
                    String failed = null;
                    try {
                        if (key.isConnectable() && channel.finishConnect()) {
                            call.connectedAt = System.nanoTime();
                            lastConnected = Math.max(lastConnected, call.connectedAt);
                        }
                        if (call.connectedAt != 0 && call.request.hasRemaining()) {
                            // A request is a hundred bytes: it leaves in one write, at once.
                            channel.write(call.request);
                            if (call.request.hasRemaining()) {
                                key.interestOps(SelectionKey.OP_WRITE);
                            } else {
                                call.sentAt = System.nanoTime();
                                lastSent = Math.max(lastSent, call.sentAt);
                                key.interestOps(SelectionKey.OP_READ);
                            }
                        } else if (key.isReadable()) {
                            in.clear();
                            int r = channel.read(in);
                            in.flip();
                            boolean done = r > 0 && call.consume(in);
                            if (done || r < 0) {
                                long now = System.nanoTime();
                                String outcome = done ? String.valueOf(call.status) : "closed before the answer";
                                outcomes.merge(outcome, 1L, Long::sum);
                                if (done) {
                                    bodyBytes += call.bodyRead;
                                    lastAnswered = Math.max(lastAnswered, now);
                                    slowest = Math.max(slowest, now - call.sentAt);
                                    slowestFromConnect = Math.max(slowestFromConnect, now - call.connectedAt);
                                }
                                key.cancel();
                                channel.close();
                                open--;
                            }
                        }
                    } catch (IOException e) {
                        failed = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    if (failed != null) {
                        outcomes.merge(failed, 1L, Long::sum);
                        key.cancel();
                        channel.close();
                        open--;
                    }
                }
            }
            if (open > 0) {
                outcomes.merge("timed out", (long) open, Long::sum);
                for (SelectionKey key : selector.keys()) {
                    key.channel().close();
                }
            }
        }
        long end = System.nanoTime();
        return new Result(
                n,
                outcomes,
                bodyBytes,
                Duration.ofNanos(lastConnected - t0),
                Duration.ofNanos(lastSent - t0),
                Duration.ofNanos(lastAnswered - t0),
                Duration.ofNanos(slowest),
                Duration.ofNanos(slowestFromConnect),
                Duration.ofNanos(end - t0),
                Duration.ofNanos(cpuNanos() - cpu0));
    }

    /** What {@link #slowloris} saw: when the server closed the slow connections, how fast it answered others. */
    record SlowResult(
            int connections, int closedByServer, Duration firstClosed, Duration lastClosed, List<Duration> probes) {
        String summary() {
            long worst = probes.stream().mapToLong(Duration::toMillis).max().orElse(-1);
            return String.format(
                    "slow_connections=%d closed_by_server=%d first_closed_ms=%d last_closed_ms=%d "
                            + "probes=%d slowest_probe_ms=%d",
                    connections, closedByServer, firstClosed.toMillis(), lastClosed.toMillis(), probes.size(), worst);
        }
    }

    /**
     * Opens {@code n} connections that send a request head one byte every {@code every}, for at most
     * {@code rounds} bytes each, and between rounds asks for one flag on a fresh connection ({@code probe});
     * reports when the server closed the slow connections and how long each probe took.
     */
    static SlowResult slowloris(int port, int n, Duration every, int rounds) throws IOException, InterruptedException {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", port);
        byte[] head = "GET /flags/br/br.gif HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        long t0 = System.nanoTime();
        List<SocketChannel> slow = new ArrayList<>();
        Map<SocketChannel, Long> closedAt = new LinkedHashMap<>();
        List<Duration> probes = new ArrayList<>();
        ByteBuffer scratch = ByteBuffer.allocate(1024);
        try {
            for (int i = 0; i < n; i++) {
                SocketChannel channel = SocketChannel.open(target);
                channel.configureBlocking(false);
                slow.add(channel);
            }
            for (int round = 0; round < rounds && closedAt.size() < n; round++) {
                for (SocketChannel channel : slow) {
                    if (closedAt.containsKey(channel)) {
                        continue;
                    }
                    try {
                        scratch.clear();
                        if (channel.read(scratch) < 0) {
                            closedAt.put(channel, System.nanoTime());
                        } else {
                            channel.write(ByteBuffer.wrap(head, round % head.length, 1));
                        }
                    } catch (IOException reset) {
                        closedAt.put(channel, System.nanoTime());
                    }
                }
                probes.add(probe(port));
                Thread.sleep(every.toMillis());
            }
        } finally {
            for (SocketChannel channel : slow) {
                channel.close();
            }
        }
        long first = closedAt.values().stream().mapToLong(t -> t - t0).min().orElse(-1);
        long last = closedAt.values().stream().mapToLong(t -> t - t0).max().orElse(-1);
        return new SlowResult(n, closedAt.size(), Duration.ofNanos(first), Duration.ofNanos(last), probes);
    }

    /**
     * Opens {@code n} connections that each send a partial head (or a complete request), holds them for
     * {@code hold}, closes them all, then times one ordinary request from that moment: how long the server
     * takes to answer normally after the flood.
     */
    static String flood(int port, int n, Duration hold, boolean complete) throws IOException, InterruptedException {
        byte[] head = ("GET /flags/br/br.gif HTTP/1.1\r\nHost: 127.0.0.1\r\n" + (complete ? "\r\n" : "X-Slow: a"))
                .getBytes(StandardCharsets.US_ASCII);
        List<SocketChannel> flood = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                flood.add(channel);
                channel.write(ByteBuffer.wrap(head));
            }
            long opened = System.nanoTime() - t0;
            Thread.sleep(hold.toMillis());
            for (SocketChannel channel : flood) {
                channel.close();
            }
            Duration recovered = probe(port);
            return String.format(
                    "flood=%d heads=%s opened_ms=%d held_ms=%d answered_after_flood_ms=%d",
                    n,
                    complete ? "complete" : "partial",
                    TimeUnit.NANOSECONDS.toMillis(opened),
                    hold.toMillis(),
                    recovered.toMillis());
        } finally {
            for (SocketChannel channel : flood) {
                channel.close();
            }
        }
    }

    /** One ordinary request on a new connection; its time to the complete answer. */
    static Duration probe(int port) throws IOException {
        long t0 = System.nanoTime();
        Result r = requests(port, 1, Duration.ofSeconds(30));
        if (r.ok() != 1) {
            throw new IOException("probe failed: " + r.outcomes());
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "requests" ->
                System.out.println(requests(port, n, Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 60))
                        .summary());
            case "slowloris" ->
                System.out.println(slowloris(port, n, Duration.ofSeconds(1), Integer.parseInt(args[3]))
                        .summary());
            case "flood" ->
                System.out.println(
                        flood(port, n, Duration.ofSeconds(Long.parseLong(args[3])), args[4].equals("complete")));
            default -> throw new IllegalArgumentException("mode: requests, slowloris or flood, got " + args[0]);
        }
    }
}
