package io.transferas2.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import io.transferas2.peers.As2PeerServer;
import io.transferas2.peers.RoleArguments;

/**
 * The entry point of each child JVM the orchestrator ({@link BenchMain}) starts: one side of one variant.
 *
 * <pre>
 * server --impl ours|camel|as2lib [--sink memory|s3] [--vertx-workers N] --keys DIR --work DIR
 *     prints "READY &lt;url&gt;"; stdin "RESET" resets the heap peaks, "STOP" (or end of input) prints
 *     "STATS {json}" and exits
 * client --impl ours|camel|camel-noexpect|as2lib|as2lib-cachedks --keys DIR --url URL --payload FILE
 *        --mode load [--warmup 10] [--seconds 30] [--concurrency 1,8,32] [--warmup-concurrency 8]
 *        --mode large [--read-timeout 600]
 *        --mode queue --queue durable|memory --files N --queue-concurrency C --work DIR   (ours only)
 *     load prints "RESULT {json}" per phase, large prints "LARGE {json}", queue "QUEUE {json}"; all end with
 *     "MEMORY {json}"
 * </pre>
 */
public final class RoleMain {
    private RoleMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = RoleArguments.parse(args);
        BenchKeys keys = new BenchKeys(Path.of(o.get("keys")));
        String impl = o.get("impl");
        if (args[0].equals("server")) {
            serve(impl, keys, Path.of(o.getOrDefault("work", ".")), o.getOrDefault("sink", "memory"),
                    Integer.parseInt(o.getOrDefault("vertx-workers", "0")));
        } else if (args[0].equals("client")) {
            int code = client(impl, keys, o);
            System.exit(code);
        } else {
            throw new IllegalArgumentException("role must be server or client: " + args[0]);
        }
    }

    private static void serve(String impl, BenchKeys keys, Path work, String sink, int vertxWorkers)
            throws Exception {
        OursServer ours = null;
        As2PeerServer peer = null;
        String url;
        if (impl.equals("ours")) {
            ours = new OursServer();
            ours.start(keys, work, sink, vertxWorkers);
            url = ours.url();
        } else {
            peer = PeerSide.server(impl, keys);
            url = peer.url().toString();
        }
        System.out.println("READY " + url);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.strip().equals("STOP")) {
            if (line.strip().equals("RESET")) {
                System.gc();
                MemoryStats.resetPeaks();
                System.out.println("RESET done");
                System.out.flush();
            }
        }
        Map<String, Object> stats = new LinkedHashMap<>(MemoryStats.snapshot());
        if (ours != null) {
            stats.putAll(ours.stats());
            ours.close();
        } else {
            stats.put("received", peer.received().size());
            peer.close();
        }
        Json.emit("STATS", stats);
        System.exit(0);
    }

    private static int client(String impl, BenchKeys keys, Map<String, String> o) throws Exception {
        String url = o.get("url");
        Path payload = Path.of(o.get("payload"));
        if ("queue".equals(o.get("mode"))) {
            try {
                Json.emit("QUEUE", QueueRun.run(o.get("queue"), keys, url, payload, Path.of(o.get("work")),
                        Integer.parseInt(o.get("files")), Integer.parseInt(o.get("queue-concurrency"))));
            } finally {
                Json.emit("MEMORY", MemoryStats.snapshot());
            }
            return 0;
        }
        boolean large = "large".equals(o.getOrDefault("mode", "load"));
        Duration readTimeout = Duration.ofSeconds(Long.parseLong(o.getOrDefault("read-timeout", large ? "900" : "60")));
        OursClient ours = null;
        PeerSide peers = null;
        IntFunction<Sender> senders;
        if (impl.equals("ours")) {
            ours = new OursClient();
            ours.start(keys, url);
            OursClient client = ours;
            senders = slot -> client.sender(payload, payload.getFileName().toString());
        } else {
            peers = new PeerSide();
            PeerSide side = peers;
            senders = slot -> {
                try {
                    return side.sender(impl, keys, url, payload, readTimeout);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
        }
        try {
            if (large) {
                large(senders.apply(0), payload);
            } else {
                load(new LoadLoop(senders), o);
            }
        } finally {
            Json.emit("MEMORY", MemoryStats.snapshot());
            if (ours != null) {
                ours.close();
            }
            if (peers != null) {
                peers.close();
            }
        }
        return 0;
    }

    private static void load(LoadLoop loop, Map<String, String> o) throws Exception {
        long warmup = Long.parseLong(o.getOrDefault("warmup", "10"));
        Duration phase = Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("seconds", "30")) * 1000));
        List<Integer> levels = Arrays.stream(o.getOrDefault("concurrency", "1,8,32").split(","))
                .map(String::strip).map(Integer::valueOf).toList();
        if (warmup > 0) {
            int c = Integer.parseInt(o.getOrDefault("warmup-concurrency", "8"));
            Json.emit("WARMUP", loop.phase("warmup", c, Duration.ofSeconds(warmup)));
        }
        for (int c : levels) {
            // the orchestrator reads the server's CPU time when it sees these two lines
            System.out.println("PHASE-START c=" + c);
            System.out.flush();
            Json.emit("RESULT", loop.phase("c=" + c, c, phase));
        }
    }

    private static void large(Sender sender, Path payload) {
        System.gc();
        MemoryStats.resetPeaks();
        long size = payload.toFile().length();
        long t0 = System.nanoTime();
        String error;
        try {
            error = sender.send();
        } catch (Throwable e) {
            error = e.toString();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ok", error == null);
        r.put("bytes", size);
        r.put("seconds", seconds);
        r.put("mbPerSec", error == null ? size / 1e6 / seconds : 0);
        if (error != null) {
            r.put("error", error.length() > 500 ? error.substring(0, 500) : error);
        }
        Json.emit("LARGE", r);
    }
}
