package io.transferas2.testsupport;

import java.util.List;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.Agreement;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.registry.TransferRegistry;

/**
 * A small, valid resource graph in a registry: a LOCAL and a PARTNER profile with certificates, a server, a connector
 * and an agreement. Tests change one thing and check the rule.
 */
public final class Fixtures {
    public final TransferRegistry registry;
    public final String localSigningCert;
    public final String localEncryptionCert;
    public final String partnerSigningCert;
    public final String partnerEncryptionCert;
    public final String localProfile;
    public final String partnerProfile;
    public final String serverId;
    public final String connectorId;
    public final String agreementId;

    public Fixtures(TransferRegistry registry) {
        this.registry = registry;
        KeyMaterial local = TestKeys.key("local");
        KeyMaterial partner = TestKeys.key("partner");
        localSigningCert = registry.importCertificate(TestKeys.importInput(local, CertificateUsageType.SIGNING, true));
        localEncryptionCert = registry.importCertificate(
                TestKeys.importInput(local, CertificateUsageType.ENCRYPTION, true));
        partnerSigningCert = registry.importCertificate(
                TestKeys.importInput(partner, CertificateUsageType.SIGNING, false));
        partnerEncryptionCert = registry.importCertificate(
                TestKeys.importInput(partner, CertificateUsageType.ENCRYPTION, false));
        localProfile = registry.createProfile(profile(ProfileType.LOCAL, "MYCOMPANY",
                List.of(localSigningCert, localEncryptionCert)));
        partnerProfile = registry.createProfile(profile(ProfileType.PARTNER, "PARTNER",
                List.of(partnerSigningCert, partnerEncryptionCert)));
        serverId = registry.createServer(new Server());
        connectorId = registry.createConnector(connector("http://partner.example:5080/as2"));
        agreementId = registry.createAgreement(agreement("/inbox/partner"));
    }

    public static Profile profile(ProfileType type, String as2Id, List<String> certificateIds) {
        Profile p = new Profile();
        p.setProfileType(type);
        p.setAs2Id(as2Id);
        p.setCertificateIds(certificateIds);
        return p;
    }

    public Connector connector(String url) {
        Connector c = new Connector();
        c.setUrl(url);
        As2ConnectorConfig config = new As2ConnectorConfig();
        config.setLocalProfileId(localProfile);
        config.setPartnerProfileId(partnerProfile);
        c.setAs2Config(config);
        return c;
    }

    public Agreement agreement(String baseDirectory) {
        Agreement a = new Agreement();
        a.setServerId(serverId);
        a.setLocalProfileId(localProfile);
        a.setPartnerProfileId(partnerProfile);
        a.setBaseDirectory(baseDirectory);
        return a;
    }
}
