package io.transferas2.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.as2.OutboundMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default duplicate detection is a file: a Message-ID received before a restart is still a duplicate after it.
 */
class ServerDuplicatePersistenceTest {
    @TempDir
    Path root;

    @Test
    void receivedMessageIdsSurviveARestart() throws Exception {
        Path ids = root.resolve("ids/received.dat");
        String id = RawAs2.newMessageId();
        byte[] payload = "ISA*persist~".getBytes(StandardCharsets.US_ASCII);
        try (ServerHarness server = new ServerHarness(root)) {
            server.start("receivedMessageIdsFile=" + ids);
            try (OutboundMessage m = new RawAs2(server).build(payload, "po.x12")) {
                assertThat(new RawAs2(server).post(m, RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL,
                        id)).mdn(server.localKey).disposition().isWarning()).isFalse();
            }
            server.awaitMessage(id);
            server.context.close();
            // recorded in the transfer store, not in the file of earlier versions
            assertThat(ids).doesNotExist();

            server.reset();
            server.start("receivedMessageIdsFile=" + ids);
            try (OutboundMessage m = new RawAs2(server).build(payload, "po.x12")) {
                assertThat(new RawAs2(server).post(m, RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL,
                        id)).mdn(server.localKey).disposition().modifier()).isEqualTo("duplicate-document");
            }
            // no sleep needed: the consumer answers after the route has run (deliver, then respond)
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void theFileOfEarlierVersionsIsImportedOnceAndItsMessageIdsStayDuplicates() throws Exception {
        Path ids = root.resolve("legacy/received.dat");
        String id = RawAs2.newMessageId();
        byte[] payload = "ISA*legacy~".getBytes(StandardCharsets.US_ASCII);
        try (ServerHarness server = new ServerHarness(root)) {
            Files.createDirectories(ids.getParent());
            Files.writeString(ids, server.agreementId + ":" + id.replaceAll("^<|>$", "") + "\n");
            server.start("receivedMessageIdsFile=" + ids);
            assertThat(ids).doesNotExist();
            assertThat(ids.resolveSibling("received.dat.migrated")).exists();
            try (OutboundMessage m = new RawAs2(server).build(payload, "po.x12")) {
                assertThat(new RawAs2(server).post(m, RawAs2.as2Headers(ServerHarness.PARTNER, ServerHarness.LOCAL,
                        id)).mdn(server.localKey).disposition().modifier()).isEqualTo("duplicate-document");
            }
            Thread.sleep(200);
            assertThat(server.received).isEmpty();
        }
    }
}
