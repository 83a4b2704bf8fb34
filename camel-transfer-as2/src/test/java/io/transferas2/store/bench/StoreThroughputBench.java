package io.transferas2.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.transferas2.store.ClaimedFile;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.NewTransfer;

/**
 * The transfer store's own cost per StartFileTransfer file on the embedded H2 default, without AS2 or S3: accept N
 * files in requests of 10 (as StartFileTransfer does), then claim and record them with C workers, printing accepted/s,
 * claimed-and-recorded/s and the p99 of one claim+record. Run: {@code java -cp <test classpath>
 * io.transferas2.store.bench.StoreThroughputBench [files] [workers]}.
 */
public final class StoreThroughputBench {
    private StoreThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("store-bench");
        String connector = "c-0000000000000abcd";
        try (JdbcTransferStore store = EmbeddedStore.open(dir, workers + 2)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < files; i += 10) {
                List<NewTransfer.File> batch = new ArrayList<>();
                for (int j = i; j < Math.min(files, i + 10); j++) {
                    batch.add(new NewTransfer.File("/bench/in/file-" + j + ".edi", UUID.randomUUID() + "@bench"));
                }
                store.accept(new NewTransfer(UUID.randomUUID().toString(), connector, batch, null, Instant.now(),
                        "bench"));
            }
            double acceptSeconds = (System.nanoTime() - t0) / 1e9;

            AtomicInteger done = new AtomicInteger();
            long[] latencies = new long[files];
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            long t1 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String node = "bench-" + w;
                futures.add(pool.submit(() -> {
                    while (true) {
                        long start = System.nanoTime();
                        List<ClaimedFile> claimed = store.claim(connector, 1, node, Instant.now(),
                                Duration.ofMinutes(1));
                        if (claimed.isEmpty()) {
                            return null;
                        }
                        store.record(claimed.get(0), node, FileOutcome.completed("mic", "/bench/processed/x.json"),
                                Instant.now());
                        latencies[done.getAndIncrement()] = System.nanoTime() - start;
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double runSeconds = (System.nanoTime() - t1) / 1e9;
            long[] sorted = Arrays.copyOf(latencies, done.get());
            Arrays.sort(sorted);
            System.out.printf("files=%d workers=%d accepted/s=%.0f claimed+recorded/s=%.0f p50=%.2fms p99=%.2fms%n",
                    files, workers, files / acceptSeconds, done.get() / runSeconds,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
        }
    }
}
