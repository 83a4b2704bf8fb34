package io.transferas2.queue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.store.ClaimedFile;
import io.transferas2.store.EmbeddedStore;
import io.transferas2.store.FileOutcome;
import io.transferas2.store.FileStatus;
import io.transferas2.store.FileTransferResult;
import io.transferas2.store.JdbcTransferStore;
import io.transferas2.store.NewTransfer;
import io.transferas2.store.TransferStore;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit on the embedded store: outcomes that finish while a commit runs share the next commit. */
class OutcomeRecorderTest {
    @TempDir
    Path dir;

    @Test
    void outcomesWaitingForACommitAreRecordedTogetherAndEachWorkerSeesItsOwnResult() throws Exception {
        try (JdbcTransferStore real = EmbeddedStore.open(dir, 4)) {
            Instant now = Instant.now();
            List<NewTransfer.File> files = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                files.add(new NewTransfer.File("/b/f" + i, UUID.randomUUID() + "@test"));
            }
            NewTransfer transfer = new NewTransfer(UUID.randomUUID().toString(), "c-00000000000000001", files, null,
                    now, "node-a");
            real.accept(transfer);
            List<ClaimedFile> claimed = real.claim("c-00000000000000001", 6, "node-a", now, Duration.ofMinutes(1));
            // the last file was taken over by another node: its record must say so
            real.renewLeases(List.of(claimed.get(5).fileId()), "node-a", now.minusSeconds(1));
            real.claim("c-00000000000000001", 1, "node-b", now, Duration.ofMinutes(1));

            CountDownLatch firstCommitStarted = new CountDownLatch(1);
            CountDownLatch releaseFirstCommit = new CountDownLatch(1);
            List<Integer> batchSizes = new CopyOnWriteArrayList<>();
            TransferStore store = (TransferStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { TransferStore.class }, (proxy, method, args) -> {
                        if (method.getName().equals("recordAll")) {
                            batchSizes.add(((List<?>) args[0]).size());
                            if (batchSizes.size() == 1) {
                                firstCommitStarted.countDown();
                                releaseFirstCommit.await(30, TimeUnit.SECONDS);
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            OutcomeRecorder recorder = new OutcomeRecorder(store, "node-a", Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                Future<Boolean> first = pool.submit(() -> recorder.record(claimed.get(0),
                        FileOutcome.completed("mic, sha256", null)));
                assertThat(firstCommitStarted.await(30, TimeUnit.SECONDS)).isTrue();
                List<Future<Boolean>> others = new ArrayList<>();
                for (int i = 1; i < 6; i++) {
                    ClaimedFile f = claimed.get(i);
                    others.add(pool.submit(() -> recorder.record(f, FileOutcome.completed("mic, sha256", null))));
                }
                // all five are waiting behind the first commit (none can finish before it)
                waitUntilQueued(recorder, 5);
                releaseFirstCommit.countDown();

                assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
                List<Boolean> results = new ArrayList<>();
                for (Future<Boolean> f : others) {
                    results.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(results).containsExactly(true, true, true, true, false);
                assertThat(batchSizes).containsExactly(1, 5);
                assertThat(real.results("c-00000000000000001", transfer.transferId(), 10, null).orElseThrow()
                        .items()).extracting(FileTransferResult::status).containsExactly(FileStatus.COMPLETED,
                                FileStatus.COMPLETED, FileStatus.COMPLETED, FileStatus.COMPLETED,
                                FileStatus.COMPLETED, FileStatus.IN_PROGRESS);
            } finally {
                releaseFirstCommit.countDown();
                pool.shutdownNow();
            }
        }
    }

    private static void waitUntilQueued(OutcomeRecorder recorder, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (recorder.queued() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(recorder.queued()).isEqualTo(n);
    }
}
