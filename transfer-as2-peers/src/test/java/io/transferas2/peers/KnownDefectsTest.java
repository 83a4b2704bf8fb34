package io.transferas2.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interop failures between the two peers themselves, kept as evidence for the README. */
class KnownDefectsTest {

    @TempDir
    Path dir;

    @Test
    void as2libSenderMicIsWrongWhenCompressingBeforeSigning() throws Exception {
        Path payload = PeerKeys.x12(dir, 5_000);
        ServerOptions options = ServerOptions.builder(PeerKeys.RECEIVER, PeerKeys.SENDER.asPartner()).build();
        try (As2PeerServer camel = CamelAs2Server.start(options); As2PeerServer lib = As2LibReceiver.start(options);
             As2PeerClient client = As2LibClient.create()) {
            for (As2PeerServer server : new As2PeerServer[] { camel, lib }) {
                SendRequest r = SendRequest.builder(server.url(), PeerKeys.SENDER, PeerKeys.RECEIVER.asPartner())
                        .compression(Compression.ZLIB).compressBeforeSigning(true).expectContinue(false).build();
                SendResult result = client.send(r, payload);
                assertThat(result.mdn().processed()).isTrue();
                assertThat(result.mdn().signatureValid()).isTrue();
                assertThat(result.mdn().micMatches()).as(server.peerName()).isFalse();
                // the receiver's MIC is the one over the uncompressed payload part, which both receivers agree on
                assertThat(server.received().get(0).returnedMic().replace("sha256", "sha-256"))
                        .isEqualTo(result.mdn().receivedMic().asField());
                // after signing, as2-lib agrees with the receivers
                SendRequest after = r.toBuilder().compressBeforeSigning(false).build();
                assertThat(client.send(after, payload).ok(after)).as(server.peerName()).isTrue();
            }
        }
    }

    @Test
    void camelClientReusesConnectionsAs2libClosed() throws Exception {
        Path payload = PeerKeys.x12(dir, 5_000);
        ServerOptions options = ServerOptions.builder(PeerKeys.RECEIVER, PeerKeys.SENDER.asPartner()).build();
        try (As2PeerServer lib = As2LibReceiver.start(options); As2PeerClient client = CamelAs2Client.create()) {
            SendRequest r = SendRequest.builder(lib.url(), PeerKeys.SENDER, PeerKeys.RECEIVER.asPartner())
                    .expectContinue(false).build();
            SendResult first = client.send(r, payload);
            assertThat(first.ok(r)).as(first.describe(r)).isTrue();
            assertThat(lib.requests().get(0).header("Connection")).isEqualTo("keep-alive");
            SendResult second = client.send(r, payload);
            assertThat(second.ok(r)).isFalse();
            assertThat(second.error()).contains("Broken pipe");
        }
    }
}
