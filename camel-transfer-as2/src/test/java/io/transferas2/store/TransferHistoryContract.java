package io.transferas2.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.Page;

import static io.transferas2.store.TransferStoreContract.connector;
import static io.transferas2.store.TransferStoreContract.transfer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the console reads from the store, on each database: inbound receipts as recorded, transfers in and out in one
 * newest-first list paged by token and narrowed by every filter, a partner's activity, throughput buckets, failures
 * by code, requeueing a file whose ASYNC MDN never came, and the audit. Each test uses its own IDs.
 */
abstract class TransferHistoryContract {
    abstract JdbcTransferStore store();

    TransferHistory history() {
        return new TransferHistory(store().dataSource());
    }

    static String as2Id() {
        return "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static InboundReceipt receipt(String from, Instant at, String status) {
        return new InboundReceipt().messageId(UUID.randomUUID() + "@" + from).serverId("s-0000000000000000a")
                .agreementId("a-0000000000000000a").as2From(from).as2To("MYCOMPANY").fileName("po-" + at
                        .toEpochMilli() + ".edi").transferSize(1234).mic("abc=, sha-256").status(status)
                .failureCode("FAILED".equals(status) ? "DECRYPT_FAILED" : null)
                .disposition("automatic-action/MDN-sent-automatically; processed").mdnMode("SYNC")
                .payloadKey("/bucket/processed/x.edi").statusKey("/bucket/processed/x.edi.json")
                .mdnKey("/bucket/processed/x.edi.mdn").signed(true).encrypted(true).compressed(false)
                .receivedAt(at).node("node-a").clientIp("127.0.0.1");
    }

    private static TransferFilter partner(String connectorId, String as2Id) {
        return new TransferFilter(null, null, null, null, null, null, null, Set.of(connectorId), Set.of(as2Id));
    }

    @Test
    void receiptIsStoredWithEveryField() {
        String from = as2Id();
        InboundReceipt r = receipt(from, Instant.ofEpochMilli(1_700_000_000_000L), "FAILED")
                .failureMessage("cannot decrypt");
        history().record(r);
        InboundReceipt read = history().receipts(r.messageId()).get(0);
        assertThat(read).usingRecursiveComparison().isEqualTo(r);
    }

    @Test
    void transfersInAndOutComeNewestFirstPageByPage() {
        Instant t0 = Instant.ofEpochMilli(1_700_000_100_000L);
        String c = connector();
        String from = as2Id();
        NewTransfer out0 = transfer(c, t0, "/b/out0.edi");
        NewTransfer out1 = transfer(c, t0.plusMillis(1), "/b/out1.edi");
        NewTransfer out2 = transfer(c, t0.plusMillis(2), "/b/out2.edi");
        store().accept(out0);
        store().accept(out1);
        store().accept(out2);
        InboundReceipt in1 = receipt(from, t0.plusMillis(1), "COMPLETED");
        InboundReceipt in3 = receipt(from, t0.plusMillis(3), "COMPLETED");
        history().record(in1);
        history().record(in3);

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<TransferRow> page = history().list(partner(c, from), 2, token);
            page.items().forEach(row -> seen.add(row.messageId()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(seen).containsExactly(in3.messageId(), out2.files().get(0).messageId(),
                out1.files().get(0).messageId(), in1.messageId(), out0.files().get(0).messageId());
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void everyFilterNarrowsTheList() {
        Instant t0 = Instant.ofEpochMilli(1_700_000_200_000L);
        String c = connector();
        String from = as2Id();
        NewTransfer out = transfer(c, t0, "/b/dir/invoice.edi");
        store().accept(out);
        InboundReceipt ok = receipt(from, t0.plusSeconds(10), "COMPLETED");
        InboundReceipt bad = receipt(from, t0.plusSeconds(20), "FAILED");
        history().record(ok);
        history().record(bad);
        TransferFilter base = partner(c, from);

        assertThat(ids(new TransferFilter(TransferFilter.Direction.OUTBOUND, null, null, null, null, null, null,
                base.connectorIds(), base.as2Ids()))).containsExactly(out.files().get(0).messageId());
        assertThat(ids(new TransferFilter(TransferFilter.Direction.INBOUND, null, null, null, null, null, null,
                base.connectorIds(), base.as2Ids()))).containsExactly(bad.messageId(), ok.messageId());
        assertThat(ids(new TransferFilter(null, "FAILED", null, null, null, null, null, base.connectorIds(),
                base.as2Ids()))).containsExactly(bad.messageId());
        assertThat(ids(new TransferFilter(null, null, t0.plusSeconds(5), t0.plusSeconds(15), null, null, null,
                base.connectorIds(), base.as2Ids()))).containsExactly(ok.messageId());
        assertThat(ids(new TransferFilter(null, null, null, null, "invoice.edi", null, null, base.connectorIds(),
                base.as2Ids()))).containsExactly(out.files().get(0).messageId());
        assertThat(ids(new TransferFilter(null, null, null, null, ok.fileName(), null, null, base.connectorIds(),
                base.as2Ids()))).containsExactly(ok.messageId());
        assertThat(ids(new TransferFilter(null, null, null, null, null, bad.messageId(), null, null, null)))
                .containsExactly(bad.messageId());
        assertThat(ids(new TransferFilter(null, null, null, null, null, null, out.transferId(), null, null)))
                .containsExactly(out.files().get(0).messageId());
        // a partner with no connector and no AS2 ID has no transfers
        assertThat(ids(new TransferFilter(null, null, null, null, null, null, null, Set.of(), Set.of()))).isEmpty();
    }

    private List<String> ids(TransferFilter filter) {
        return history().list(filter, 50, null).items().stream().map(TransferRow::messageId).toList();
    }

    @Test
    void aTokenThatWasNotIssuedIsRefused() {
        assertThatThrownBy(() -> history().list(TransferFilter.all(), 10, "not-a-token"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aFileWhoseAsyncMdnNeverCameIsQueuedAgainWithItsMessageId() {
        Instant now = Instant.now();
        String c = connector();
        NewTransfer t = transfer(c, now, "/b/async.edi");
        store().accept(t);
        ClaimedFile claimed = store().claim(c, 1, "node-a", now, Duration.ofSeconds(30)).get(0);
        store().record(claimed, "node-a", FileOutcome.processing(null), now);

        assertThat(history().requeue(claimed.messageId(), now.plusSeconds(1))).isTrue();
        List<ClaimedFile> again = store().claim(c, 1, "node-b", now.plusSeconds(2), Duration.ofSeconds(30));
        assertThat(again).hasSize(1);
        assertThat(again.get(0).messageId()).isEqualTo(claimed.messageId());
        assertThat(again.get(0).attempt()).isEqualTo(2);
        // an IN_PROGRESS file is not requeued
        assertThat(history().requeue(claimed.messageId(), now.plusSeconds(3))).isFalse();
    }

    @Test
    void activityThroughputAndFailuresComeFromTheRows() {
        Instant now = Instant.now();
        String c = connector();
        String from = as2Id();
        NewTransfer good = transfer(c, now, "/b/good.edi");
        NewTransfer bad = transfer(c, now, "/b/bad.edi");
        store().accept(good);
        store().accept(bad);
        List<ClaimedFile> claimed = store().claim(c, 2, "node-a", now, Duration.ofSeconds(30));
        store().record(claimed.get(0), "node-a", FileOutcome.completed("mic", null), now.plusSeconds(1));
        store().record(claimed.get(1), "node-a", FileOutcome.failed("HTTP_ERROR_RESPONSE_FROM_PARTNER",
                "503", null, null), now.plusSeconds(2));
        history().record(receipt(from, now, "COMPLETED").transferSize(100));
        history().record(receipt(from, now, "FAILED").transferSize(50));

        TransferHistory.Activity out = history().outboundActivity(c, now.minusSeconds(60));
        assertThat(out.finished()).isEqualTo(2);
        assertThat(out.failed()).isEqualTo(1);
        assertThat(out.failureRate()).isEqualTo(0.5);
        assertThat(out.lastSuccess()).isEqualTo(Instant.ofEpochMilli(now.plusSeconds(1).toEpochMilli()));
        assertThat(out.lastFailureCode()).isEqualTo("HTTP_ERROR_RESPONSE_FROM_PARTNER");
        assertThat(out.lastConnect()).isEqualTo("FAILED HTTP_ERROR_RESPONSE_FROM_PARTNER");
        TransferHistory.Activity in = history().inboundActivity(from, now.minusSeconds(60));
        assertThat(in.finished()).isEqualTo(2);
        assertThat(in.lastFailureCode()).isEqualTo("DECRYPT_FAILED");

        List<TransferHistory.Bucket> buckets = history().throughput(now.minusSeconds(60), now.plusSeconds(60),
                60_000);
        assertThat(buckets.stream().mapToLong(TransferHistory.Bucket::inCount).sum()).isGreaterThanOrEqualTo(2);
        assertThat(buckets.stream().mapToLong(TransferHistory.Bucket::inBytes).sum()).isGreaterThanOrEqualTo(150);
        assertThat(buckets.stream().mapToLong(TransferHistory.Bucket::outCount).sum()).isGreaterThanOrEqualTo(2);
        assertThat(history().failuresByCode(now.minusSeconds(60)))
                .containsKeys("HTTP_ERROR_RESPONSE_FROM_PARTNER", "DECRYPT_FAILED");
    }

    @Test
    void actionsAreAudited() {
        String target = UUID.randomUUID() + "@x";
        Instant at = Instant.ofEpochMilli(1_700_000_300_000L);
        history().audit(new TransferHistory.AuditEntry(at, "alice", "RESEND", target, "new transfer t-1", "t-1"));
        assertThat(history().audits(target, 10)).containsExactly(
                new TransferHistory.AuditEntry(at, "alice", "RESEND", target, "new transfer t-1", "t-1"));
    }
}
