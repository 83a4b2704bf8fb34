package io.transferas2.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.transferas2.outbound.PendingTransfer;
import io.transferas2.registry.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link TransferStore} must do, run against each database the store supports (H2 embedded,
 * PostgreSQL). Each test uses its own connector and transfer IDs, so the tests share one database.
 */
abstract class TransferStoreContract {
    static final Duration LEASE = Duration.ofSeconds(30);

    abstract TransferStore store();

    static String connector() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return "c-" + hex.substring(0, 17);
    }

    static NewTransfer transfer(String connectorId, Instant at, String... paths) {
        List<NewTransfer.File> files = new ArrayList<>();
        for (String p : paths) {
            files.add(new NewTransfer.File(p, UUID.randomUUID() + "@" + connectorId.substring(2, 18)));
        }
        return new NewTransfer(UUID.randomUUID().toString(), connectorId, files, "[{\"Key\":\"X-A\",\"Value\":\"1\"}]",
                at, "node-a");
    }

    @Test
    void acceptedFilesAreClaimedInOrderWithTheirMessageIdAndLeased() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer first = transfer(c, now, "/b/one", "/b/two");
        NewTransfer second = transfer(c, now, "/b/three");
        store().accept(first);
        store().accept(second);

        assertThat(store().connectorsWithWork(now)).contains(c);
        List<ClaimedFile> claimed = store().claim(c, 2, "node-a", now, LEASE);
        assertThat(claimed).extracting(ClaimedFile::filePath).containsExactly("/b/one", "/b/two");
        assertThat(claimed.get(0).messageId()).isEqualTo(first.files().get(0).messageId());
        assertThat(claimed.get(0).attempt()).isEqualTo(1);
        assertThat(claimed.get(0).customHttpHeaders()).contains("X-A");
        // leased: not claimable again until the lease expires
        List<ClaimedFile> rest = store().claim(c, 10, "node-b", now, LEASE);
        assertThat(rest).extracting(ClaimedFile::filePath).containsExactly("/b/three");
        assertThat(store().claim(c, 10, "node-b", now, LEASE)).isEmpty();

        Page<FileTransferResult> page = store().results(c, first.transferId(), 10, null).orElseThrow();
        assertThat(page.items()).extracting(FileTransferResult::status)
                .containsExactly(FileStatus.IN_PROGRESS, FileStatus.IN_PROGRESS);
    }

    @Test
    void anExpiredLeaseIsClaimedAgainWithTheSameMessageIdAndTheDeadNodesRecordIsRefused() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/crash");
        store().accept(t);
        ClaimedFile first = store().claim(c, 1, "dead-node", now, LEASE).get(0);

        assertThat(store().claim(c, 1, "node-b", now.plusSeconds(10), LEASE)).isEmpty();
        ClaimedFile again = store().claim(c, 1, "node-b", now.plus(LEASE).plusSeconds(1), LEASE).get(0);
        assertThat(again.fileId()).isEqualTo(first.fileId());
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(again.attempt()).isEqualTo(2);

        assertThat(store().record(first, "dead-node", FileOutcome.completed("mic, sha-256", "/b/x.json"),
                now.plusSeconds(40))).isFalse();
        assertThat(store().record(again, "node-b", FileOutcome.completed("mic, sha-256", "/b/processed/x.json"),
                now.plusSeconds(41))).isTrue();

        FileTransferResult done = store().fileByMessageId(first.messageId()).orElseThrow();
        assertThat(done.status()).isEqualTo(FileStatus.COMPLETED);
        assertThat(done.statusKey()).isEqualTo("/b/processed/x.json");
        assertThat(done.mic()).isEqualTo("mic, sha-256");
        assertThat(done.attempts()).extracting(FileAttempt::node).containsExactly("dead-node", "node-b");
        assertThat(done.attempts()).extracting(FileAttempt::outcome).containsExactly("LEASE_EXPIRED", "COMPLETED");
    }

    @Test
    void aRetryWaitsForItsTimeAndAFailureIsFinal() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/retry");
        store().accept(t);
        ClaimedFile f = store().claim(c, 1, "n", now, LEASE).get(0);
        store().record(f, "n", FileOutcome.retryAt(now.plusSeconds(60), "UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP",
                "refused"), now);
        assertThat(store().claim(c, 1, "n", now.plusSeconds(59), LEASE)).isEmpty();
        ClaimedFile second = store().claim(c, 1, "n", now.plusSeconds(60), LEASE).get(0);
        assertThat(second.attempt()).isEqualTo(2);
        store().record(second, "n", FileOutcome.failed("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP", "refused again",
                null, "/b/failed/retry.json"), now.plusSeconds(61));

        FileTransferResult r = store().results(c, t.transferId(), 10, null).orElseThrow().items().get(0);
        assertThat(r.status()).isEqualTo(FileStatus.FAILED);
        assertThat(r.failureCode()).isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
        assertThat(r.failureMessage()).isEqualTo("refused again");
        assertThat(store().fileByMessageId(r.messageId()).orElseThrow().attempts())
                .extracting(FileAttempt::outcome).containsExactly("RETRY", "FAILED");
    }

    @Test
    void processingFinishesByMessageIdAndReleasedFilesAreQueuedAgain() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/async", "/b/stop");
        store().accept(t);
        List<ClaimedFile> claimed = store().claim(c, 2, "n", now, LEASE);
        store().record(claimed.get(0), "n", FileOutcome.processing("m, sha-256"), now);
        store().release(List.of(claimed.get(1).fileId()), "n", now);

        assertThat(store().results(c, t.transferId(), 10, null).orElseThrow().items())
                .extracting(r -> r.status().awsStatusCode()).containsExactly("IN_PROGRESS", "QUEUED");
        assertThat(store().finishProcessing(claimed.get(0).messageId(),
                FileOutcome.failed("VERIFICATION_FAILED", "no MDN", null, "/b/failed/async.json"), now)).isTrue();
        assertThat(store().finishProcessing(claimed.get(0).messageId(), FileOutcome.completed(null, null), now))
                .isFalse();
        assertThat(store().claim(c, 5, "n2", now, LEASE)).extracting(ClaimedFile::filePath)
                .containsExactly("/b/stop");
    }

    @Test
    void resultsPageInRequestOrderAndUnknownTransfersAreEmpty() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/1", "/b/2", "/b/3", "/b/4", "/b/5");
        store().accept(t);
        Page<FileTransferResult> p1 = store().results(c, t.transferId(), 2, null).orElseThrow();
        Page<FileTransferResult> p2 = store().results(c, t.transferId(), 2, p1.nextToken()).orElseThrow();
        Page<FileTransferResult> p3 = store().results(c, t.transferId(), 2, p2.nextToken()).orElseThrow();
        assertThat(p1.items()).extracting(FileTransferResult::filePath).containsExactly("/b/1", "/b/2");
        assertThat(p2.items()).extracting(FileTransferResult::filePath).containsExactly("/b/3", "/b/4");
        assertThat(p3.items()).extracting(FileTransferResult::filePath).containsExactly("/b/5");
        assertThat(p3.nextToken()).isNull();
        assertThat(store().results(c, "no-such-transfer", 2, null)).isEmpty();
        assertThat(store().results(connector(), t.transferId(), 2, null)).isEmpty();
    }

    @Test
    void concurrentClaimersNeverGetTheSameFile() throws Exception {
        Instant now = Instant.now();
        String c = connector();
        for (int i = 0; i < 10; i++) {
            store().accept(transfer(c, now, "/b/" + i + "a", "/b/" + i + "b", "/b/" + i + "c", "/b/" + i + "d"));
        }
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<Long> all = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String node = "node-" + w;
            futures.add(pool.submit(() -> {
                go.await();
                List<ClaimedFile> got;
                while (!(got = store().claim(c, 3, node, now, LEASE)).isEmpty()) {
                    got.forEach(f -> {
                        seen.add(f.fileId());
                        all.add(f.fileId());
                    });
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(all).hasSize(40);
        assertThat(seen).hasSize(40);
    }

    @Test
    void outcomesRecordedTogetherCommitOnceAndALostLeaseIsReportedAlone() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/ok", "/b/bad", "/b/taken-over", "/b/later");
        store().accept(t);
        List<ClaimedFile> claimed = store().claim(c, 4, "node-a", now, LEASE);
        assertThat(claimed).hasSize(4);
        // the third file's lease expired and another node took it over
        ClaimedFile takenOver = claimed.get(2);
        store().renewLeases(List.of(takenOver.fileId()), "node-a", now.minusSeconds(1));
        assertThat(store().claim(c, 4, "node-b", now, LEASE)).extracting(ClaimedFile::fileId)
                .containsExactly(takenOver.fileId());

        List<AttemptOutcome> lost = store().recordAll(List.of(
                new AttemptOutcome(claimed.get(0), FileOutcome.completed("mic0, sha256", "/b/status/0.json")),
                new AttemptOutcome(claimed.get(1), FileOutcome.failed("HTTP_ERROR_500", "down", null, null)),
                new AttemptOutcome(takenOver, FileOutcome.completed("mic2, sha256", null)),
                new AttemptOutcome(claimed.get(3), FileOutcome.retryAt(now.plusSeconds(10), "HTTP_ERROR_503",
                        "busy"))), "node-a", now);

        assertThat(lost).extracting(a -> a.file().fileId()).containsExactly(takenOver.fileId());
        assertThat(store().results(c, t.transferId(), 10, null).orElseThrow().items())
                .extracting(FileTransferResult::status)
                .containsExactly(FileStatus.COMPLETED, FileStatus.FAILED, FileStatus.IN_PROGRESS, FileStatus.QUEUED);
        FileTransferResult done = store().fileByMessageId(claimed.get(0).messageId()).orElseThrow();
        assertThat(done.statusKey()).isEqualTo("/b/status/0.json");
        assertThat(done.attempts()).extracting(FileAttempt::outcome).containsExactly("COMPLETED");
        assertThat(store().fileByMessageId(claimed.get(3).messageId()).orElseThrow().attempts())
                .extracting(FileAttempt::outcome).containsExactly("RETRY");
        // the retried file waits for its time, then is claimed again (attempt 2)
        assertThat(store().claim(c, 4, "node-a", now.plusSeconds(5), LEASE)).isEmpty();
        assertThat(store().claim(c, 4, "node-a", now.plusSeconds(11), LEASE)).extracting(ClaimedFile::attempt)
                .containsExactly(2);
    }

    @Test
    void connectorsWithWorkListsEachConnectorOnceWithDueOrExpiredFilesOnly() {
        Instant now = Instant.now();
        String busy = connector();
        String waiting = connector();
        String dead = connector();
        for (int i = 0; i < 3; i++) {
            store().accept(transfer(busy, now, "/b/" + i + "a", "/b/" + i + "b"));
        }
        store().accept(transfer(waiting, now, "/b/w"));
        ClaimedFile w = store().claim(waiting, 1, "node-a", now, LEASE).get(0);
        store().record(w, "node-a", FileOutcome.retryAt(now.plusSeconds(120), "HTTP_ERROR_503", "busy"), now);
        store().accept(transfer(dead, now, "/b/d"));
        store().claim(dead, 1, "dead-node", now, LEASE);

        assertThat(store().connectorsWithWork(now)).contains(busy).doesNotContain(waiting, dead)
                .doesNotHaveDuplicates();
        assertThat(store().connectorsWithWork(now.plus(LEASE).plusSeconds(1))).contains(busy, dead)
                .doesNotContain(waiting).doesNotHaveDuplicates();
        assertThat(store().connectorsWithWork(now.plusSeconds(121))).contains(busy, dead, waiting);
    }

    @Test
    void acceptOnceAcceptsAKeyOnceAndKeySetsAreDurableSets() {
        Instant now = Instant.now();
        String c = connector();
        String key = "edi/outbox/" + UUID.randomUUID() + "#etag";
        assertThat(store().acceptOnce(transfer(c, now, "/b/o"), "outbox", key)).isTrue();
        assertThat(store().acceptOnce(transfer(c, now, "/b/o"), "outbox", key)).isFalse();
        assertThat(store().claim(c, 10, "n", now, LEASE)).hasSize(1);

        ReceivedKeys ids = store().keys("received-message-ids");
        String id = "a-" + UUID.randomUUID() + ":<m@x>";
        assertThat(ids.contains(id)).isFalse();
        assertThat(ids.add(id)).isTrue();
        assertThat(ids.add(id)).isFalse();
        assertThat(ids.contains(id)).isTrue();
        assertThat(store().keys("other").contains(id)).isFalse();
        assertThat(ids.remove(id)).isTrue();
        assertThat(ids.contains(id)).isFalse();
    }

    @Test
    void pendingAsyncTransfersAreKeptUntilRemovedOnce() {
        String messageId = UUID.randomUUID() + "@pending";
        PendingTransfer p = new PendingTransfer("t-1", messageId, "c-00000000000000001", "p-1", "p-2", "A", "B",
                "http://x", "subject", "f.edi", "application/edi-x12", "/b/f.edi", 12, "abc, sha-256", true,
                Instant.now(), Instant.now().plusSeconds(60));
        store().pendingTransfers().put(p);
        store().pendingTransfers().put(p);
        assertThat(store().pendingTransfers().get("<" + messageId + ">")).contains(p);
        assertThat(store().pendingTransfers().list()).contains(p);
        assertThat(store().pendingTransfers().remove(messageId)).isTrue();
        assertThat(store().pendingTransfers().remove(messageId)).isFalse();
        assertThat(store().pendingTransfers().get(messageId)).isEmpty();
    }

    @Test
    void aPendingAsyncTransferIsClaimedByOneHolderUntilItsLeaseEndsOrItIsReleased() {
        String messageId = UUID.randomUUID() + "@claimed";
        Instant now = Instant.now();
        store().pendingTransfers().put(new PendingTransfer("t-2", messageId, "c-00000000000000001", "p-1", "p-2", "A",
                "B", "http://x", "subject", "f.edi", "application/edi-x12", "/b/f.edi", 12, "abc, sha-256", true,
                now, now.plusSeconds(60)));
        Duration lease = Duration.ofMinutes(2);
        assertThat(store().pendingTransfers().claim(messageId, now, lease)).isTrue();
        assertThat(store().pendingTransfers().claim("<" + messageId + ">", now.plusSeconds(1), lease)).isFalse();
        // a holder that died: its claim ends with the lease
        assertThat(store().pendingTransfers().claim(messageId, now.plus(lease).plusMillis(1), lease)).isTrue();
        store().pendingTransfers().release(messageId);
        assertThat(store().pendingTransfers().claim(messageId, now.plusSeconds(2), lease)).isTrue();
        // a claimed record is still finished once
        assertThat(store().pendingTransfers().remove(messageId)).isTrue();
        assertThat(store().pendingTransfers().claim(messageId, now.plusSeconds(3), lease)).isFalse();
    }

    @Test
    void pruneDeletesOnlyTransfersFinishedBeforeTheCutoff() {
        Instant old = Instant.now().minus(Duration.ofDays(40));
        String c = connector();
        NewTransfer done = transfer(c, old, "/b/old");
        NewTransfer waiting = transfer(c, old, "/b/waiting");
        store().accept(done);
        store().accept(waiting);
        ClaimedFile f = store().claim(c, 1, "n", old, LEASE).get(0);
        store().record(f, "n", FileOutcome.completed(null, null), old.plusSeconds(1));

        assertThat(store().prune(Instant.now().minus(Duration.ofDays(30)))).isGreaterThanOrEqualTo(1);
        assertThat(store().results(c, done.transferId(), 10, null)).isEmpty();
        assertThat(store().results(c, waiting.transferId(), 10, null)).isPresent();
    }
}
