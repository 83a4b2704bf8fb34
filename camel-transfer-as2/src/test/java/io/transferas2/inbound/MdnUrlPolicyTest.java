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
        assertThat(policy.check("https://PARTNER.example:8443/mdn", agreement).getHost()).isEqualTo("PARTNER.example");
        assertThat(policy.check("http://partner.example./as2", agreement)).isNotNull();
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
        assertThat(open.check("http://192.0.2.10:8080/", agreement)).isNotNull();
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
