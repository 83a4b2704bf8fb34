package io.transferas2.camel.producer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.OutboundResultHeaders;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.As2AsyncMdnConnectorConfig;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.Server;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.transfer.AsyncMdn;
import io.transferas2.transfer.OutboundResult;
import io.transferas2.transfer.StatusCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASYNC MDNs: the send stays PROCESSING in the file store, survives a restart of Camel, and completes when the MDN
 * is handed to the component's async MDN receiver (as the server consumer does); an MDN that never comes fails the
 * transfer after asyncMdnTimeout and is announced to asyncMdnTimeoutEndpoint.
 */
class AsyncMdnTest {

    @Test
    void pendingTransferSurvivesARestartAndCompletesWithTheMdn(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("pending");
        try (ProducerFixture fx = new ProducerFixture(c -> c.setStoreDirectory(store.toString()));
             As2LibReceiver partner = As2LibReceiver.start(ProducerFixture.server().build())) {
            String serverId = fx.registry.createServer(new Server());
            try (MdnInbox inbox = new MdnInbox(Files.createDirectories(dir.resolve("inbox")), serverId)) {
                String id = asyncConnector(fx, partner.url().toString(), inbox.url(), serverId);
                Exchange sent = fx.send("transfer-as2:connector/" + id, ProducerFixture.edi(40),
                        Map.of("CamelFileName", "async.edi", TransferAs2Constants.SOURCE_PATH, "/outbox/eu/async.edi"));
                assertThat(sent.getException()).isNull();
                assertThat(sent.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("PROCESSING");
                assertThat(sent.getIn().getHeader(TransferAs2Constants.STATUS_KEY)).isNull();
                String messageId = sent.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);
                String transferId = sent.getIn().getHeader(TransferAs2Constants.TRANSFER_ID, String.class);
                assertThat(partner.requests().get(0).header("Receipt-Delivery-Option")).isEqualTo(inbox.url());
                // waiting in the transfer store, which survives the restart
                assertThat(fx.component.transferStore().pendingTransfers().list())
                        .extracting(p -> p.messageId()).containsExactly(messageId);

                AsyncMdn mdn = inbox.await(Duration.ofSeconds(20));
                fx.restartCamel();
                assertThat(fx.component.asyncMdnReceiver()).isNotSameAs(
                        io.transferas2.transfer.AsyncMdnReceiver.NONE);

                Optional<OutboundResult> completed = fx.component.asyncMdnReceiver().receive(mdn);
                assertThat(completed).isPresent();
                OutboundResult result = completed.get();
                assertThat(result.statusCode()).as(result.failureMessage()).isEqualTo(StatusCode.COMPLETED);
                assertThat(result.transferId()).isEqualTo(transferId);
                assertThat(result.messageId()).isEqualTo(messageId);
                assertThat(result.disposition()).contains("processed");
                assertThat(result.statusTarget().toString()).isEqualTo("/outbox/eu/processed/async." + transferId + "."
                        + messageId + ".edi.json");
                assertThat(result.mdnTarget().key()).endsWith(".edi.mdn");
                assertThat(result.status().toJson()).contains("\"status-code\":\"COMPLETED\"",
                        "\"requester-file-name\":\"async.edi\"", "\"mdn-message-id\":");
                var message = new org.apache.camel.support.DefaultMessage(fx.context);
                OutboundResultHeaders.apply(result, message);
                assertThat(message.getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
                // verified but not finished: until the route stored the status JSON, a crash loses nothing
                assertThat(fx.component.transferStore().pendingTransfers().list())
                        .extracting(p -> p.messageId()).containsExactly(messageId);
                assertThat(fx.component.asyncMdnReceiver().complete(result)).isTrue();
                assertThat(fx.component.transferStore().pendingTransfers().list()).isEmpty();
                // the same MDN again completes nothing
                assertThat(fx.component.asyncMdnReceiver().receive(mdn)).isEmpty();
                assertThat(fx.component.asyncMdnReceiver().complete(result)).isFalse();
            }
        }
    }

    @Test
    void overdueMdnFailsTheTransferAndIsAnnounced(@TempDir Path dir) throws Exception {
        BlockingQueue<Exchange> announced = new LinkedBlockingQueue<>();
        try (ProducerFixture fx = new ProducerFixture(c -> {
            c.setAsyncMdnStoreDirectory(dir.resolve("pending").toString());
            c.setStoreDirectory(dir.resolve("store").toString());
            c.setAsyncMdnTimeoutEndpoint("direct:mdn-timeouts");
            c.setAsyncMdnCheckInterval(100);
        });
             As2LibReceiver partner = As2LibReceiver.start(ProducerFixture.server().build())) {
            fx.context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the first announcement fails (its status JSON could not be stored): the send stays pending
                    // and is announced again at the next check
                    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
                    from("direct:mdn-timeouts").process(e -> {
                        announced.add(e);
                        if (calls.incrementAndGet() == 1) {
                            throw new IllegalStateException("S3 is down");
                        }
                    });
                }
            });
            String serverId = fx.registry.createServer(new Server());
            try (MdnInbox inbox = new MdnInbox(Files.createDirectories(dir.resolve("inbox")), serverId)) {
                String id = asyncConnector(fx, partner.url().toString(), inbox.url(), serverId);
                Exchange sent = fx.send("transfer-as2:connector/" + id + "?asyncMdnTimeout=300",
                        ProducerFixture.edi(5), Map.of("CamelFileName", "late.edi",
                                "CamelAwsS3BucketName", "outbox", "CamelAwsS3Key", "late.edi"));
                assertThat(sent.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("PROCESSING");

                Exchange failedAnnouncement = announced.poll(10, TimeUnit.SECONDS);
                assertThat(failedAnnouncement).isNotNull();
                Exchange timeout = announced.poll(10, TimeUnit.SECONDS);
                assertThat(timeout).isNotNull();
                assertThat(timeout.getIn().getHeader(TransferAs2Constants.MESSAGE_ID))
                        .isEqualTo(failedAnnouncement.getIn().getHeader(TransferAs2Constants.MESSAGE_ID));
                awaitNotPending(fx, timeout.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class));
                assertThat(timeout.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
                assertThat(timeout.getIn().getHeader(TransferAs2Constants.FAILURE_CODE))
                        .isEqualTo("VERIFICATION_FAILED");
                assertThat(timeout.getIn().getHeader(TransferAs2Constants.MESSAGE_ID))
                        .isEqualTo(sent.getIn().getHeader(TransferAs2Constants.MESSAGE_ID));
                assertThat(timeout.getIn().getHeader(TransferAs2Constants.STATUS_KEY, String.class))
                        .startsWith("failed/late.").endsWith(".edi.json");
                assertThat(timeout.getIn().getBody(String.class)).contains("No MDN received");

                // the MDN arriving afterwards finds nothing pending
                AsyncMdn late = inbox.await(Duration.ofSeconds(20));
                assertThat(fx.component.asyncMdnReceiver().receive(late)).isEmpty();
                assertThat(announced.poll(300, TimeUnit.MILLISECONDS)).isNull();
            }
        }
    }

    private static void awaitNotPending(ProducerFixture fx, String messageId) throws InterruptedException {
        var pending = fx.component.transferStore().pendingTransfers();
        for (int i = 0; i < 200 && pending.get(messageId).isPresent(); i++) {
            Thread.sleep(50);
        }
        assertThat(pending.get(messageId)).isEmpty();
    }

    private static String asyncConnector(ProducerFixture fx, String url, String mdnUrl, String serverId) {
        return fx.connector(url, c -> {
            c.setMdnResponse(MdnResponse.ASYNC);
            As2AsyncMdnConnectorConfig async = new As2AsyncMdnConnectorConfig();
            async.setUrl(mdnUrl);
            async.setServerIds(List.of(serverId));
            c.setAsyncMdnConfig(async);
        });
    }
}
