package io.transferas2.camel.producer;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.peers.As2LibReceiver;
import io.transferas2.peers.CamelAs2Server;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS to partners whose server certificate is self-signed: refused until the certificate is imported into the
 * partner profile with Usage TLS (as in AWS), then trusted with host name verification on.
 */
class HttpsTest {

    @Test
    void selfSignedPartnerIsTrustedOnlyWithItsTlsCertificate() throws Exception {
        try (ProducerFixture fx = new ProducerFixture();
             As2LibReceiver server = As2LibReceiver.start(ProducerFixture.server().tls(true).build())) {
            assertThat(server.url().getScheme()).isEqualTo("https");
            String id = fx.connector(server.url().toString(), c -> { });

            Exchange refused = fx.send(id, ProducerFixture.edi(5));
            assertThat(refused.getException()).isInstanceOf(TransportFailureException.class);
            assertThat(refused.getIn().getHeader(TransferAs2Constants.FAILURE_CODE))
                    .isEqualTo("UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP");
            assertThat(refused.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .contains("TLS connection", "Usage TLS", fx.partnerProfile);
            assertThat(server.received()).isEmpty();

            fx.trustPartnerTls();
            Exchange trusted = fx.send(id, ProducerFixture.edi(5));
            assertThat(trusted.getException()).isNull();
            assertThat(trusted.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            assertThat(server.awaitReceived(1, Duration.ofSeconds(10)).get(0).accepted()).isTrue();
        }
    }

    @Test
    void encryptionNoneIsAllowedOverHttpsOnly() throws Exception {
        try (ProducerFixture fx = new ProducerFixture();
             CamelAs2Server server = CamelAs2Server.start(ProducerFixture.server().tls(true).build())) {
            fx.trustPartnerTls();
            String id = fx.connector(server.url().toString(), c -> c.setEncryptionAlgorithm(EncryptionAlg.NONE));
            Exchange done = fx.send(id, ProducerFixture.edi(5));
            assertThat(done.getException()).isNull();
            assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
            assertThat(server.awaitReceived(1, Duration.ofSeconds(10)).get(0).encrypted()).isFalse();

            // the host name is verified: the certificate names localhost and 127.0.0.1, not 127.0.0.2
            String wrongHost = server.url().toString().replace("127.0.0.1", "127.0.0.2");
            String other = fx.connector(wrongHost, c -> { });
            Exchange mismatch = fx.send(other, ProducerFixture.edi(5));
            assertThat(mismatch.getException()).isInstanceOf(TransportFailureException.class);
            assertThat(mismatch.getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE, String.class))
                    .contains("TLS connection");
        }
    }
}
