package io.transferas2.inbound;

import org.junit.jupiter.api.Test;

import io.transferas2.model.Agreement;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MdnUrlPolicyTest {
    private final Fixtures fixtures = new Fixtures(new TransferRegistry());
    private final Agreement agreement = fixtures.registry.describeAgreement(fixtures.agreementId, fixtures.serverId);

    @Test
    void hostOfAConnectorToThePartnerIsAllowed() {
        MdnUrlPolicy policy = new MdnUrlPolicy(fixtures.registry, null);
        assertThat(policy.check("http://PARTNER.example:5080/mdn", agreement).getHost()).isEqualTo("PARTNER.example");
        assertThat(policy.check("https://partner.example/mdn", agreement)).isNotNull();
        assertThat(policy.check("http://partner.example./as2", agreement)).isNotNull();
    }

    @Test
    void onlyTheConnectorsPortOr80Or443OrListedPorts() {
        MdnUrlPolicy policy = new MdnUrlPolicy(fixtures.registry, null);
        assertThatThrownBy(() -> policy.check("http://partner.example:6399/", agreement))
                .hasMessageContaining("port 6399");
        assertThatThrownBy(() -> policy.check("https://partner.example:8443/mdn", agreement))
                .hasMessageContaining("asyncMdnAllowedPorts");
        MdnUrlPolicy listed = new MdnUrlPolicy(fixtures.registry, null, "8443", java.util.Set::of);
        assertThat(listed.check("https://partner.example:8443/mdn", agreement)).isNotNull();
        assertThatThrownBy(() -> listed.check("http://partner.example:6399/", agreement))
                .hasMessageContaining("port 6399");
    }

    @Test
    void theStationsOwnListenersAreRefusedEvenWhenListed() {
        MdnUrlPolicy policy = new MdnUrlPolicy(fixtures.registry, "127.0.0.1,localhost", "8080,9000",
                () -> java.util.Set.of(8080));
        assertThatThrownBy(() -> policy.check("http://127.0.0.1:8080/transfers", agreement))
                .hasMessageContaining("own listeners");
        assertThatThrownBy(() -> policy.check("http://localhost:8080/", agreement))
                .hasMessageContaining("own listeners");
        // the port the request came in on
        assertThatThrownBy(() -> policy.check("http://127.0.0.1:9000/as2", agreement, 9000))
                .hasMessageContaining("own listeners");
        assertThat(policy.check("http://127.0.0.1:9000/as2", agreement, 5080)).isNotNull();
        // an in-process server (the embedded S3) publishes its port
        String saved = System.getProperty(MdnUrlPolicy.LOCAL_SERVICE_PORTS_PROPERTY);
        System.setProperty(MdnUrlPolicy.LOCAL_SERVICE_PORTS_PROPERTY, "9000");
        try {
            assertThatThrownBy(() -> policy.check("http://127.0.0.1:9000/edi", agreement))
                    .hasMessageContaining("own listeners");
        } finally {
            if (saved == null) {
                System.clearProperty(MdnUrlPolicy.LOCAL_SERVICE_PORTS_PROPERTY);
            } else {
                System.setProperty(MdnUrlPolicy.LOCAL_SERVICE_PORTS_PROPERTY, saved);
            }
        }
    }

    @Test
    void anotherPartnersConnectorDoesNotCount() {
        // a second partner with its own connector host
        String otherPartner = fixtures.registry.createProfile(Fixtures.profile(io.transferas2.model.ProfileType.PARTNER,
                "OTHERPARTNER", java.util.List.of()));
        io.transferas2.model.Connector c = fixtures.connector("https://other-partner.example:7443/as2");
        c.getAs2Config().setPartnerProfileId(otherPartner);
        fixtures.registry.createConnector(c);
        MdnUrlPolicy policy = new MdnUrlPolicy(fixtures.registry, null);
        assertThatThrownBy(() -> policy.check("https://other-partner.example:7443/as2", agreement))
                .hasMessageContaining("other-partner.example is not allowed");
        assertThatThrownBy(() -> policy.check("https://other-partner.example/as2", agreement))
                .hasMessageContaining("not allowed");
    }

    @Test
    void otherHostsNeedTheExplicitList() {
        MdnUrlPolicy closed = new MdnUrlPolicy(fixtures.registry, null);
        assertThatThrownBy(() -> closed.check("http://169.254.169.254/latest", agreement))
                .hasMessageContaining("169.254.169.254 is not allowed");
        assertThatThrownBy(() -> closed.check("http://partner.example.evil.test/", agreement))
                .hasMessageContaining("not allowed");
        MdnUrlPolicy open = new MdnUrlPolicy(fixtures.registry, "mdn.partner-cloud.example, 192.0.2.10");
        assertThat(open.check("https://mdn.partner-cloud.example/r", agreement)).isNotNull();
        assertThat(open.check("http://192.0.2.10/", agreement)).isNotNull();
        assertThatThrownBy(() -> open.check("http://192.0.2.10:8080/", agreement)).hasMessageContaining("port 8080");
    }

    @Test
    void onlyHttpAndHttpsWithoutUserInfo() {
        MdnUrlPolicy policy = new MdnUrlPolicy(fixtures.registry, "partner.example");
        assertThatThrownBy(() -> policy.check("mailto:as2@partner.example", agreement)).hasMessageContaining("http");
        assertThatThrownBy(() -> policy.check("file:///etc/passwd", agreement)).hasMessageContaining("http");
        assertThatThrownBy(() -> policy.check("http://user:pw@partner.example/", agreement))
                .hasMessageContaining("user info");
        assertThatThrownBy(() -> policy.check("http://partner example/", agreement)).hasMessageContaining("URL");
    }
}
