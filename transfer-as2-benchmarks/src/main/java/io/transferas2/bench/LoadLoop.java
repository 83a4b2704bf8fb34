package io.transferas2.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * A closed loop: {@code concurrency} threads each send, wait for the verified MDN, and send again until the phase's
 * time is up. Thread {@code i} always uses sender {@code i}, so per-thread clients (peers) and their connections
 * stay warm from one phase to the next. Only exchanges whose MDN passed every check are counted; latencies are those
 * of counted exchanges. A phase's time runs until its last exchange finished.
 */
final class LoadLoop {
    private final IntFunction<Sender> senderFactory;
    private final List<Sender> senders = new ArrayList<>();

    LoadLoop(IntFunction<Sender> senderFactory) {
        this.senderFactory = senderFactory;
    }

    private synchronized Sender sender(int slot) {
        while (senders.size() <= slot) {
            senders.add(senderFactory.apply(senders.size()));
        }
        return senders.get(slot);
    }

    /** Runs one phase and returns its figures (msgs/s, p50/p99 in ms, failures and the first failure's reason). */
    Map<String, Object> phase(String name, int concurrency, Duration duration) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<Worker>> futures = new ArrayList<>();
        long cpuBefore = MemoryStats.cpuMillis("self");
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int t = 0; t < concurrency; t++) {
            Worker w = new Worker(sender(t), end);
            futures.add(pool.submit(w, w));
        }
        long ok = 0;
        long failed = 0;
        String firstError = null;
        List<long[]> all = new ArrayList<>();
        for (Future<Worker> f : futures) {
            Worker w = f.get();
            ok += w.count;
            failed += w.failed;
            all.add(java.util.Arrays.copyOf(w.latencies, w.count));
            if (firstError == null) {
                firstError = w.firstError;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = MemoryStats.cpuMillis("self") - cpuBefore;
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase", name);
        r.put("concurrency", concurrency);
        r.put("ok", ok);
        r.put("failed", failed);
        r.put("seconds", round(seconds));
        r.put("msgsPerSec", round(ok / seconds));
        r.put("p50Ms", round(Percentiles.millis(latencies, 50)));
        r.put("p99Ms", round(Percentiles.millis(latencies, 99)));
        if (ok + failed > 0 && cpuBefore >= 0) {
            r.put("clientCpuMsPerMsg", round((double) cpu / (ok + failed)));
        }
        if (firstError != null) {
            r.put("firstError", firstError);
        }
        return r;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2f", v));
    }

    private static final class Worker implements Runnable {
        private final Sender sender;
        private final long end;
        long[] latencies = new long[4096];
        int count;
        long failed;
        String firstError;

        Worker(Sender sender, long end) {
            this.sender = sender;
            this.end = end;
        }

        @Override
        public void run() {
            while (System.nanoTime() < end) {
                long t0 = System.nanoTime();
                String error;
                try {
                    error = sender.send();
                } catch (Exception | OutOfMemoryError e) {
                    error = e.toString();
                }
                long elapsed = System.nanoTime() - t0;
                if (error == null) {
                    if (count == latencies.length) {
                        latencies = java.util.Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = elapsed;
                } else {
                    failed++;
                    if (firstError == null) {
                        firstError = error;
                    }
                }
            }
        }
    }

    /** For logs: "c=8 412.3 msg/s p50 18.2 ms p99 40.1 ms". */
    static String describe(Map<String, Object> r) {
        return String.format(Locale.ROOT, "%s: %s msg/s, p50 %s ms, p99 %s ms, ok %s, failed %s, CPU ms/msg client %s"
                        + " server %s", r.get("phase"), r.get("msgsPerSec"), r.get("p50Ms"), r.get("p99Ms"), r.get("ok"),
                r.get("failed"), r.get("clientCpuMsPerMsg"), r.get("serverCpuMsPerMsg"));
    }
}
