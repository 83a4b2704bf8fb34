package io.transferas2.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import io.transferas2.queue.QueueSettings;
import io.transferas2.queue.RetryPolicy;
import io.transferas2.queue.TransferQueue;
import io.transferas2.queue.TransferWorkers;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.FileStatus;
import io.transferas2.store.JdbcTransferStore;

/**
 * The transfer store's own cost per StartFileTransfer file on the embedded H2 default, without AS2 or S3: accept N
 * files in requests of 10 (as StartFileTransfer does) from A threads, then let {@link TransferWorkers} (the real
 * dispatcher, leases and batched recording) claim and record them with a sender that completes each file at once.
 * Prints accepted/s and claimed-and-recorded/s. Run: {@code java -cp <test classpath>
 * io.transferas2.store.bench.StoreThroughputBench [files] [acceptThreads] [maxConcurrent]}.
 */
public final class StoreThroughputBench {
    private StoreThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int acceptThreads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int concurrent = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path dir = Files.createTempDirectory("store-bench");
        String connector = "c-0000000000000abcd";
        try (JdbcTransferStore store = EmbeddedStore.open(dir, concurrent + acceptThreads + 2)) {
            TransferQueue queue = new TransferQueue(store, "bench", Clock.systemUTC());
            ExecutorService acceptors = Executors.newFixedThreadPool(acceptThreads);
            long t0 = System.nanoTime();
            List<Future<?>> accepted = new ArrayList<>();
            for (int i = 0; i < files; i += 10) {
                List<String> paths = new ArrayList<>();
                for (int j = i; j < Math.min(files, i + 10); j++) {
                    paths.add("/bench/in/file-" + j + ".edi");
                }
                accepted.add(acceptors.submit(() -> queue.accept(connector, paths, null)));
            }
            for (Future<?> f : accepted) {
                f.get();
            }
            double acceptSeconds = (System.nanoTime() - t0) / 1e9;
            acceptors.shutdown();

            QueueSettings settings = new QueueSettings("bench", concurrent, concurrent, Duration.ofMinutes(1),
                    Duration.ofMillis(500), RetryPolicy.NONE);
            TransferWorkers workers = new TransferWorkers(store, settings, Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(concurrent);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
            long t1 = System.nanoTime();
            workers.start((file, retry) -> FileOutcome.completed("mic", "/bench/processed/" + file.fileId()), pool,
                    scheduler, Thread::new);
            long completed;
            do {
                Thread.sleep(250);
                Map<FileStatus, Long> counts = store.countByStatus();
                completed = counts.get(FileStatus.COMPLETED);
            } while (completed < files);
            double runSeconds = (System.nanoTime() - t1) / 1e9;
            workers.stop(Duration.ofSeconds(5));
            scheduler.shutdownNow();
            System.out.printf("files=%d acceptThreads=%d maxConcurrent=%d accepted/s=%.0f claimed+recorded/s=%.0f%n",
                    files, acceptThreads, concurrent, files / acceptSeconds, files / runSeconds);
        }
    }
}
