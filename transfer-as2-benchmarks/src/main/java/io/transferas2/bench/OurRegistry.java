package io.transferas2.bench;

import java.io.IOException;
import java.util.List;

import io.transferas2.model.Agreement;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.registry.TransferRegistry;

/**
 * The registries our two sides run with, built through the registry's own API from the run's PEM files: the sender
 * has a connector to the receiver's URL (SHA256 signature, AES256_CBC, no compression, SYNC MDN signed with SHA256,
 * the defaults written out), the receiver a server and an ACTIVE agreement landing in bucket {@value #BUCKET}.
 */
final class OurRegistry {
    static final String BUCKET = "bench-inbox";

    final TransferRegistry registry = new TransferRegistry();
    private String localProfile;
    private String partnerProfile;

    private OurRegistry() {
    }

    /** The sender's registry; {@link #connectorId} is set. */
    static OurRegistry sender(BenchKeys keys, String url) throws IOException {
        OurRegistry r = new OurRegistry();
        r.profiles(keys, BenchKeys.SENDER, BenchKeys.RECEIVER);
        Connector c = new Connector();
        c.setUrl(url);
        As2ConnectorConfig a = new As2ConnectorConfig();
        a.setLocalProfileId(r.localProfile);
        a.setPartnerProfileId(r.partnerProfile);
        a.setSigningAlgorithm(io.transferas2.model.SigningAlg.SHA256);
        a.setEncryptionAlgorithm(io.transferas2.model.EncryptionAlg.AES256_CBC);
        a.setCompression(io.transferas2.model.CompressionEnum.DISABLED);
        a.setMdnSigningAlgorithm(io.transferas2.model.MdnSigningAlg.SHA256);
        a.setMdnResponse(io.transferas2.model.MdnResponse.SYNC);
        c.setAs2Config(a);
        r.connectorId = r.registry.createConnector(c);
        return r;
    }

    /** The receiver's registry; {@link #serverId} is set. */
    static OurRegistry receiver(BenchKeys keys) throws IOException {
        OurRegistry r = new OurRegistry();
        r.profiles(keys, BenchKeys.RECEIVER, BenchKeys.SENDER);
        r.serverId = r.registry.createServer(new Server());
        Agreement a = new Agreement();
        a.setServerId(r.serverId);
        a.setLocalProfileId(r.localProfile);
        a.setPartnerProfileId(r.partnerProfile);
        a.setBaseDirectory("/" + BUCKET + "/partner");
        r.registry.createAgreement(a);
        return r;
    }

    String connectorId;
    String serverId;

    private void profiles(BenchKeys keys, String local, String partner) throws IOException {
        String certificate = keys.pem(keys.certificate(local));
        String key = keys.pem(keys.key(local));
        String signing = registry.importCertificate(certificate(CertificateUsageType.SIGNING, certificate, key));
        String encryption = registry.importCertificate(certificate(CertificateUsageType.ENCRYPTION, certificate, key));
        localProfile = registry.createProfile(profile(ProfileType.LOCAL, local, List.of(signing, encryption)));
        String partnerCertificate = keys.pem(keys.certificate(partner));
        String partnerSigning = registry.importCertificate(certificate(CertificateUsageType.SIGNING,
                partnerCertificate, null));
        String partnerEncryption = registry.importCertificate(certificate(CertificateUsageType.ENCRYPTION,
                partnerCertificate, null));
        partnerProfile = registry.createProfile(profile(ProfileType.PARTNER, partner,
                List.of(partnerSigning, partnerEncryption)));
    }

    private static Certificate certificate(CertificateUsageType usage, String pem, String privateKeyPem) {
        Certificate c = new Certificate();
        c.setUsage(usage);
        c.setCertificate(pem);
        if (privateKeyPem != null) {
            c.setPrivateKey(privateKeyPem);
        }
        return c;
    }

    private static Profile profile(ProfileType type, String as2Id, List<String> certificateIds) {
        Profile p = new Profile();
        p.setProfileType(type);
        p.setAs2Id(as2Id);
        p.setCertificateIds(certificateIds);
        return p;
    }
}
