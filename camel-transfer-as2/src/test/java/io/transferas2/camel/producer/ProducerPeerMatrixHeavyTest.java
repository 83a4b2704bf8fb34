package io.transferas2.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.SigningAlg;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.As2PeerServer;
import io.transferas2.peers.CamelAs2Server;
import io.transferas2.peers.ReceivedMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SigningAlgorithm x EncryptionAlgorithm x Compression value, SYNC MDN (signed with the signing digest, unsigned
 * when signing is NONE), sent by the producer to camel-as2's and as2-lib's receivers over HTTPS (EncryptionAlgorithm
 * NONE needs it). Signed and compressed messages are compressed after signing: both peers return a MIC over the
 * uncompressed entity under compress-before-signing (see CamelAs2ReceiverTest).
 */
class ProducerPeerMatrixHeavyTest {

    @Test
    void camelAs2() throws Exception {
        try (ProducerFixture fx = new ProducerFixture();
             CamelAs2Server server = CamelAs2Server.start(ProducerFixture.server().tls(true).build())) {
            run(fx, server);
        }
    }

    @Test
    void as2Lib() throws Exception {
        try (ProducerFixture fx = new ProducerFixture();
             As2LibReceiver server = As2LibReceiver.start(ProducerFixture.server().tls(true).build())) {
            run(fx, server);
        }
    }

    private static void run(ProducerFixture fx, As2PeerServer server) throws Exception {
        fx.trustPartnerTls();
        String edi = ProducerFixture.edi(150);
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (SigningAlg sign : SigningAlg.values()) {
            for (EncryptionAlg enc : EncryptionAlg.values()) {
                for (CompressionEnum compression : CompressionEnum.values()) {
                    String id = fx.connector(server.url().toString(), c -> {
                        c.setSigningAlgorithm(sign);
                        c.setEncryptionAlgorithm(enc);
                        c.setCompression(compression);
                        c.setMdnResponse(MdnResponse.SYNC);
                    });
                    String name = "m" + n++ + ".edi";
                    String options = sign != SigningAlg.NONE && compression == CompressionEnum.ZLIB
                            ? "?compressionOrder=AFTER_SIGNING" : "";
                    Exchange done = fx.send("transfer-as2:connector/" + id + options, edi,
                            Map.of("CamelFileName", name));
                    String label = server.peerName() + " " + sign + "/" + enc + "/" + compression;
                    if (done.getException() != null) {
                        failures.add(label + ": " + done.getException().getMessage());
                        continue;
                    }
                    ReceivedMessage received = As2LibReceiverTest.awaitMessage(server,
                            done.getIn().getHeader(TransferAs2Constants.MESSAGE_ID, String.class));
                    if (!received.accepted() || !CamelAs2ReceiverTest.sha256(edi).equals(received.payload().sha256())
                            || received.signed() != (sign != SigningAlg.NONE)
                            || received.encrypted() != (enc != EncryptionAlg.NONE)
                            || received.compressed() != (compression == CompressionEnum.ZLIB)
                            || !"COMPLETED".equals(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE))) {
                        failures.add(label + ": received " + received);
                    }
                }
            }
        }
        System.out.println(server.peerName() + ": " + n + " combinations sent, " + failures.size() + " failed");
        assertThat(failures).isEmpty();
    }
}
