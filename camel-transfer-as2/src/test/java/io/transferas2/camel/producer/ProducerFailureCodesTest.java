package io.transferas2.camel.producer;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.SigningAlg;
import io.transferas2.outbound.OutboundTransferException;
import io.transferas2.outbound.TransportFailureException;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every outbound failure code the producer raises before or instead of an MDN, as a route sees it. */
class ProducerFailureCodesTest {
    private static ProducerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = new ProducerFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Exchange sendTo(String connectorId) {
        return fx.send(connectorId, ProducerFixture.edi(3));
    }

    private static void assertFailure(Exchange done, Class<?> type, String code, String messagePart) {
        assertThat(done.getException()).isInstanceOf(type);
        OutboundTransferException e = (OutboundTransferException) done.getException();
        assertThat(e.failureCode().name()).isEqualTo(code);
        assertThat(e.result().failureMessage()).contains(messagePart);
        assertThat(e.status().toJson()).contains("\"status-code\":\"FAILED\"", "\"failure-code\":\"" + code + "\"");
        assertThat(done.getIn().getHeader(TransferAs2Constants.FAILURE_CODE)).isEqualTo(code);
        assertThat(done.getIn().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("FAILED");
    }

    @Test
    void connectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String id = fx.connector("http://127.0.0.1:" + port + "/as2", c -> { });
        assertFailure(sendTo(id), TransportFailureException.class, "UNABLE_TO_CONNECT_TO_REMOTE_HOST_OR_IP",
                "Unable to connect to 127.0.0.1:" + port);
    }

    @Test
    void unresolvableHostName() {
        String id = fx.connector("http://no-such-partner.invalid:5080/as2", c -> { });
        assertFailure(sendTo(id), TransportFailureException.class, "UNABLE_TO_RESOLVE_HOSTNAME",
                "no-such-partner.invalid");
    }

    @Test
    void connectorNotFound() {
        assertFailure(sendTo("c-0123456789abcdef0"), OutboundTransferException.class, "CONNECTOR_NOT_FOUND",
                "c-0123456789abcdef0");
    }

    @Test
    void deletedConnectorTakesEffectAtOnce() {
        String id = fx.connector("http://127.0.0.1:9/as2", c -> { });
        fx.registry.deleteConnector(id);
        assertFailure(sendTo(id), OutboundTransferException.class, "CONNECTOR_NOT_FOUND", id);
    }

    @Test
    void missingSourceFile(@TempDir Path dir) {
        String id = fx.connector("http://127.0.0.1:9/as2", c -> { });
        File missing = dir.resolve("gone.edi").toFile();
        Exchange done = fx.send("transfer-as2:connector/" + id, missing, Map.of());
        assertFailure(done, OutboundTransferException.class, "SEND_FILE_NOT_FOUND", "gone.edi");
    }

    @Test
    void noSigningKeyAndNoEncryptionCertificate() {
        String noCerts = fx.registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "BARE", List.of()));
        String partnerNoCerts = fx.registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "BARE-PARTNER",
                List.of()));
        String unsignable = fx.connector("http://127.0.0.1:9/as2", c -> c.setLocalProfileId(noCerts));
        assertFailure(sendTo(unsignable), OutboundTransferException.class, "SIGNING_FAILED", noCerts);
        String unencryptable = fx.connector("http://127.0.0.1:9/as2", c -> {
            c.setPartnerProfileId(partnerNoCerts);
            c.setSigningAlgorithm(SigningAlg.NONE);
        });
        assertFailure(sendTo(unencryptable), OutboundTransferException.class, "ENCRYPTION_FAILED", partnerNoCerts);
    }

    @Test
    void basicAuthSecretThatDoesNotResolve() {
        String id = fx.connector("http://127.0.0.1:9/as2", c -> c.setBasicAuthSecretId("no-such-secret"));
        Exchange done = sendTo(id);
        assertFailure(done, OutboundTransferException.class, "ACCESS_DENIED", "no-such-secret");
    }

    @Test
    void unencryptedOverHttpIsRefusedByTheRegistry() {
        // AWS's rule; the sender checks it again (OutboundRulesTest) for connectors from other registries
        Connector c = new Connector();
        c.setUrl("http://127.0.0.1:9/as2");
        var config = new io.transferas2.model.As2ConnectorConfig();
        config.setLocalProfileId(fx.localProfile);
        config.setPartnerProfileId(fx.partnerProfile);
        config.setEncryptionAlgorithm(EncryptionAlg.NONE);
        c.setAs2Config(config);
        assertThatThrownBy(() -> fx.registry.createConnector(c)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("https");
    }

    /** Expired or not yet active certificates: the error names the certificate and the date that rules it out. */
    @Test
    void certificatesOutsideTheirDatesAreNamed() {
        Certificate pending = TestKeys.importInput(TestKeys.key("producer-pending"), CertificateUsageType.SIGNING,
                true);
        pending.setActiveDate(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
        String pendingCert = fx.registry.importCertificate(pending);
        String local = fx.registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "PENDING",
                List.of(pendingCert)));
        String unsignable = fx.connector("http://127.0.0.1:9/as2", c -> c.setLocalProfileId(local));
        assertFailure(sendTo(unsignable), OutboundTransferException.class, "SIGNING_FAILED", "local profile "
                + local + " has SIGNING certificate " + pendingCert + ", not active until ");
        assertThat(fx.send(unsignable, ProducerFixture.edi(1)).getIn().getHeader(TransferAs2Constants.FAILURE_MESSAGE,
                String.class)).contains("(ActiveDate); no SIGNING certificate of the profile is active now");

        String expiredCert = fx.registry.importCertificate(TestKeys.importInput(TestKeys.key("producer-expired",
                java.time.Instant.parse("2020-01-01T00:00:00Z"), java.time.Instant.parse("2020-06-23T00:00:00Z")),
                CertificateUsageType.ENCRYPTION, false));
        String partner = fx.registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "EXPIRED-PARTNER",
                List.of(expiredCert)));
        String unencryptable = fx.connector("http://127.0.0.1:9/as2", c -> c.setPartnerProfileId(partner));
        assertFailure(sendTo(unencryptable), OutboundTransferException.class, "ENCRYPTION_FAILED", "partner profile "
                + partner + " has ENCRYPTION certificate " + expiredCert + ", inactive since 2020-06-23 (NotAfter);"
                + " no ENCRYPTION certificate of the profile is active now");
    }

    @Test
    void aProfileChangeAppliesToTheNextSend() {
        String id = fx.connector("http://127.0.0.1:9/as2", c -> { });
        Profile renamed = new Profile();
        renamed.setProfileId(fx.localProfile);
        renamed.setCertificateIds(List.of());
        String before = fx.registry.describeProfile(fx.localProfile).getCertificateIds().toString();
        try {
            fx.registry.updateProfile(renamed);
            assertFailure(sendTo(id), OutboundTransferException.class, "SIGNING_FAILED", fx.localProfile);
        } finally {
            Profile restore = new Profile();
            restore.setProfileId(fx.localProfile);
            restore.setCertificateIds(List.of(before.substring(1, before.length() - 1).split(", ")));
            fx.registry.updateProfile(restore);
        }
    }
}
