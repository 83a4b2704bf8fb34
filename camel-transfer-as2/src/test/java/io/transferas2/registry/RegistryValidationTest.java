package io.transferas2.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementStatusType;
import io.transferas2.model.As2AsyncMdnConnectorConfig;
import io.transferas2.model.As2ConnectorConfig;
import io.transferas2.model.As2Transport;
import io.transferas2.model.Certificate;
import io.transferas2.model.CertificateUsageType;
import io.transferas2.model.CompressionEnum;
import io.transferas2.model.Connector;
import io.transferas2.model.CustomDirectories;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.MdnResponse;
import io.transferas2.model.MdnSigningAlg;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Protocol;
import io.transferas2.model.ProtocolDetails;
import io.transferas2.model.Server;
import io.transferas2.model.SigningAlg;
import io.transferas2.model.Tag;
import io.transferas2.testsupport.Fixtures;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryValidationTest {
    private TransferRegistry registry;
    private Fixtures f;

    @BeforeEach
    void setUp() {
        registry = new TransferRegistry();
        f = new Fixtures(registry);
    }

    private void assertInvalid(Runnable call, String... messageParts) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidRequestException.class)
                .message().contains(messageParts);
    }

    private Connector connector(Consumer<Connector> change) {
        Connector c = f.connector("http://partner.example/as2");
        change.accept(c);
        return c;
    }

    // ---- IDs, ARNs, tags, fields ---------------------------------------------------------------------------

    @Test
    void givenIdsMustHaveAwsFormat() {
        Connector c = connector(x -> x.setConnectorId("c-123"));
        assertInvalid(() -> registry.createConnector(c), "ConnectorId 'c-123'", "17 lowercase hex");
        Profile p = Fixtures.profile(ProfileType.PARTNER, "X", List.of());
        p.setProfileId("P-AAAAAAAAAAAAAAAAA");
        assertInvalid(() -> registry.createProfile(p), "ProfileId");
    }

    @Test
    void generatedIdsAndArnsFollowAws() {
        Connector described = registry.describeConnector(f.connectorId);
        assertThat(f.connectorId).matches("c-[0-9a-f]{17}");
        assertThat(described.getArn()).isEqualTo("arn:aws:transfer:us-east-1:000000000000:connector/" + f.connectorId);
        assertThat(registry.describeCertificate(f.localSigningCert).getArn()).endsWith(":certificate/" + f.localSigningCert);
    }

    @Test
    void arnMustMatchKindAndId() {
        Connector c = connector(x -> {
            x.setConnectorId("c-0123456789abcdef0");
            x.setArn("arn:aws:transfer:us-east-1:111122223333:connector/c-ffffffffffffffff0");
        });
        assertInvalid(() -> registry.createConnector(c), "Arn", "c-0123456789abcdef0");
        c.setArn("arn:aws:transfer:us-east-1:111122223333:profile/c-0123456789abcdef0");
        assertInvalid(() -> registry.createConnector(c), "Arn");
        c.setArn("arn:aws:transfer:eu-west-1:111122223333:connector/c-0123456789abcdef0");
        registry.createConnector(c);
        assertThat(registry.describeConnector("c-0123456789abcdef0").getArn()).contains("eu-west-1");
    }

    @Test
    void tagRules() {
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new Tag("k" + i, "v"));
        }
        assertInvalid(() -> registry.createConnector(connector(c -> c.setTags(many))), "at most 50 tags");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setTags(List.of(new Tag("a", "1"),
                new Tag("a", "2"))))), "'a' appears twice");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setTags(List.of(new Tag("", "1"))))),
                "Key must be 1-128");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setTags(List.of(new Tag("a",
                "x".repeat(257)))))), "0-256");
    }

    @Test
    void unknownFieldsAreRejectedWithASuggestionButAwsFieldsAreKept() {
        Connector typo = connector(c -> c.putUnmodelledField("Urll", "x"));
        assertInvalid(() -> registry.createConnector(typo), "unknown field 'Urll'", "did you mean 'Url'");
        Connector aws = connector(c -> c.putUnmodelledField("ServiceManagedEgressIpAddresses", List.of("1.2.3.4")));
        String id = registry.createConnector(aws);
        assertThat(registry.describeConnector(id).getUnmodelledFields())
                .containsEntry("ServiceManagedEgressIpAddresses", List.of("1.2.3.4"));
    }

    // ---- profiles ------------------------------------------------------------------------------------------

    @Test
    void profileRules() {
        assertInvalid(() -> registry.createProfile(Fixtures.profile(null, "X", List.of())), "ProfileType is required");
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, null, List.of())),
                "As2Id is required");
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "", List.of())), "1-128");
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "x".repeat(129), List.of())),
                "1-128");
        // the model's As2Id pattern [\u0020-\u007E\s]* allows spaces
        assertThat(registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "MY COMPANY", List.of()))).isNotNull();
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "MYCOMPÄNY", List.of())),
                "printable ASCII");
        registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "x".repeat(128), List.of()));
        assertThatThrownBy(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "X",
                List.of("cert-0123456789abcdef0")))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("cert-0123456789abcdef0");
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "X",
                List.of(f.localSigningCert, f.localSigningCert))), "listed twice");
    }

    @Test
    void atMostTenCertificatesPerProfile() {
        KeyMaterial key = TestKeys.key("partner");
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(registry.importCertificate(TestKeys.importInput(key, CertificateUsageType.SIGNING, false)));
        }
        assertInvalid(() -> registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "X", eleven)),
                "at most 10 certificates");
        String id = registry.createProfile(Fixtures.profile(ProfileType.PARTNER, "X", eleven.subList(0, 10)));
        Profile update = new Profile();
        update.setProfileId(id);
        update.setCertificateIds(eleven);
        assertInvalid(() -> registry.updateProfile(update), "at most 10 certificates");
        assertThat(registry.describeProfile(id).getCertificateIds()).hasSize(10);
    }

    @Test
    void updateProfileChangesOnlyCertificateIds() {
        Profile update = new Profile();
        update.setProfileId(f.partnerProfile);
        update.setAs2Id("OTHER");
        assertInvalid(() -> registry.updateProfile(update), "only CertificateIds");
        update.setAs2Id(null);
        update.setCertificateIds(List.of(f.partnerSigningCert));
        registry.updateProfile(update);
        Profile described = registry.describeProfile(f.partnerProfile);
        assertThat(described.getCertificateIds()).containsExactly(f.partnerSigningCert);
        assertThat(described.getAs2Id()).isEqualTo("PARTNER");
    }

    // ---- connectors ----------------------------------------------------------------------------------------

    @Test
    void connectorUrlRules() {
        assertInvalid(() -> registry.createConnector(connector(c -> c.setUrl(null))), "Url is required");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setUrl("http://x/" + "a".repeat(250)))),
                "at most 255");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setUrl("ftp://partner.example/"))),
                "must use http or https");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setUrl("http:///nohost"))), "has no host");
        assertInvalid(() -> registry.createConnector(connector(c -> c.setUrl("http://bad url"))), "not a valid URL");
    }

    @Test
    void connectorProfileRules() {
        assertInvalid(() -> registry.createConnector(connector(c -> c.setAs2Config(null))), "As2Config is required");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config().setLocalProfileId(null))),
                "As2Config.LocalProfileId is required");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setLocalProfileId(f.partnerProfile))), "is a PARTNER profile, expected LOCAL");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setPartnerProfileId(f.localProfile))), "is a LOCAL profile, expected PARTNER");
        assertThatThrownBy(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setPartnerProfileId("p-0123456789abcdef0")))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("As2Config.PartnerProfileId");
    }

    @Test
    void messageSubjectRules() {
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setMessageSubject("x".repeat(1025)))), "MessageSubject", "1-1024");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setMessageSubject("Bestellung für ACME"))), "printable ASCII");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config().setMessageSubject(""))),
                "MessageSubject");
        registry.createConnector(connector(c -> c.getAs2Config().setMessageSubject("x".repeat(1024))));
    }

    @Test
    void encryptionNoneOnlyOverHttps() {
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setEncryptionAlgorithm(EncryptionAlg.NONE))), "NONE is allowed only when Url uses https");
        String id = registry.createConnector(connector(c -> {
            c.setUrl("https://partner.example/as2");
            c.getAs2Config().setEncryptionAlgorithm(EncryptionAlg.NONE);
        }));
        Connector toHttp = new Connector();
        toHttp.setConnectorId(id);
        toHttp.setUrl("http://partner.example/as2");
        assertInvalid(() -> registry.updateConnector(toHttp), "NONE is allowed only when Url uses https");
    }

    @Test
    void asyncMdnRules() {
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config()
                .setMdnResponse(MdnResponse.ASYNC))), "AsyncMdnConfig.Url is required");
        As2AsyncMdnConnectorConfig async = new As2AsyncMdnConnectorConfig();
        async.setUrl("https://mdn.example/as2");
        async.setServerIds(List.of());
        assertInvalid(() -> registry.createConnector(connector(c -> {
            c.getAs2Config().setMdnResponse(MdnResponse.ASYNC);
            c.getAs2Config().setAsyncMdnConfig(async);
        })), "ServerIds must list 1-10");
        async.setServerIds(List.of("s-0123456789abcdef0"));
        assertThatThrownBy(() -> registry.createConnector(connector(c -> {
            c.getAs2Config().setMdnResponse(MdnResponse.ASYNC);
            c.getAs2Config().setAsyncMdnConfig(async);
        }))).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ServerIds");
        async.setServerIds(List.of(f.serverId));
        async.setUrl("mailto:mdn@example.com");
        assertInvalid(() -> registry.createConnector(connector(c -> c.getAs2Config().setAsyncMdnConfig(async))),
                "AsyncMdnConfig.Url", "http or https");
        async.setUrl("https://mdn.example/as2");
        registry.createConnector(connector(c -> {
            c.getAs2Config().setMdnResponse(MdnResponse.ASYNC);
            c.getAs2Config().setAsyncMdnConfig(async);
        }));
    }

    @Test
    void updateConnectorKeepsUnchangedAs2ConfigFields() {
        Connector first = new Connector();
        first.setConnectorId(f.connectorId);
        As2ConnectorConfig config = new As2ConnectorConfig();
        config.setCompression(CompressionEnum.ZLIB);
        config.setSigningAlgorithm(SigningAlg.SHA512);
        config.setMessageSubject("Orders");
        config.setBasicAuthSecretId("acme");
        first.setAs2Config(config);
        registry.updateConnector(first);

        Connector second = new Connector();
        second.setConnectorId(f.connectorId);
        As2ConnectorConfig partial = new As2ConnectorConfig();
        partial.setMdnSigningAlgorithm(MdnSigningAlg.DEFAULT);
        partial.setBasicAuthSecretId("");
        second.setAs2Config(partial);
        registry.updateConnector(second);

        As2ConnectorConfig described = registry.describeConnector(f.connectorId).getAs2Config();
        assertThat(described.getCompression()).isEqualTo(CompressionEnum.ZLIB);
        assertThat(described.getMessageSubject()).isEqualTo("Orders");
        assertThat(described.getLocalProfileId()).isEqualTo(f.localProfile);
        assertThat(described.effectiveMdnSigningAlgorithm()).isEqualTo(SigningAlg.SHA512);
        assertThat(described.getBasicAuthSecretId()).as("empty clears Basic auth").isNull();
        assertThat(described.hasBasicAuth()).isFalse();
    }

    @Test
    void failedUpdateLeavesTheResourceUnchanged() {
        Connector bad = new Connector();
        bad.setConnectorId(f.connectorId);
        bad.setUrl("ftp://x/");
        assertInvalid(() -> registry.updateConnector(bad), "http or https");
        assertThat(registry.describeConnector(f.connectorId).getUrl()).isEqualTo("http://partner.example:5080/as2");
    }

    // ---- agreements ----------------------------------------------------------------------------------------

    @Test
    void agreementDirectoryRules() {
        Agreement both = f.agreement("/inbox/a");
        both.setCustomDirectories(customDirectories());
        assertInvalid(() -> registry.createAgreement(both), "mutually exclusive");
        Agreement neither = f.agreement(null);
        assertInvalid(() -> registry.createAgreement(neither), "Either BaseDirectory or CustomDirectories");
        Agreement partial = f.agreement(null);
        CustomDirectories four = customDirectories();
        four.setTemporaryFilesDirectory(null);
        partial.setCustomDirectories(four);
        assertInvalid(() -> registry.createAgreement(partial), "TemporaryFilesDirectory is required", "all five");
        assertInvalid(() -> registry.createAgreement(f.agreement("inbox")), "BaseDirectory 'inbox'", "start with /");
        assertInvalid(() -> registry.createAgreement(f.agreement("/bucket/" + "x".repeat(1020))), "1024");
        assertInvalid(() -> registry.createAgreement(f.agreement("/bucket/../other")), ". or .. segments");
    }

    @Test
    void agreementReferenceRules() {
        Agreement wrongServer = f.agreement("/inbox/x");
        wrongServer.setServerId("s-0123456789abcdef0");
        assertThatThrownBy(() -> registry.createAgreement(wrongServer)).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("ServerId");
        Agreement swapped = f.agreement("/inbox/x");
        swapped.setLocalProfileId(f.partnerProfile);
        assertInvalid(() -> registry.createAgreement(swapped), "LocalProfileId", "expected LOCAL");
    }

    @Test
    void onlyOneActiveAgreementPerPartnerPairAndServer() {
        assertThatThrownBy(() -> registry.createAgreement(f.agreement("/inbox/second")))
                .isInstanceOf(ResourceExistsException.class).hasMessageContaining(f.agreementId)
                .hasMessageContaining("PARTNER");
        Agreement inactive = f.agreement("/inbox/second");
        inactive.setStatus(AgreementStatusType.INACTIVE);
        String id = registry.createAgreement(inactive);
        Agreement activate = new Agreement();
        activate.setAgreementId(id);
        activate.setServerId(f.serverId);
        activate.setStatus(AgreementStatusType.ACTIVE);
        assertThatThrownBy(() -> registry.updateAgreement(activate)).isInstanceOf(ResourceExistsException.class);
    }

    @Test
    void atMostOneHundredAgreementsPerServer() {
        TransferRegistry small = new TransferRegistry(RegistrySettings.defaults()
                .limits(new RegistryLimits(10, 2, 100, 1000, 1000, 50)));
        Fixtures g = new Fixtures(small);
        Agreement second = g.agreement("/b");
        second.setStatus(AgreementStatusType.INACTIVE);
        small.createAgreement(second);
        Agreement third = g.agreement("/c");
        third.setStatus(AgreementStatusType.INACTIVE);
        assertInvalid(() -> small.createAgreement(third), "already has 2 agreements");
        assertThat(RegistryLimits.aws().agreementsPerServer()).isEqualTo(100);
    }

    @Test
    void updateAgreementSwitchesDirectoryMode() {
        Agreement toCustom = new Agreement();
        toCustom.setAgreementId(f.agreementId);
        toCustom.setServerId(f.serverId);
        toCustom.setCustomDirectories(customDirectories());
        registry.updateAgreement(toCustom);
        Agreement described = registry.describeAgreement(f.agreementId, f.serverId);
        assertThat(described.getBaseDirectory()).isNull();
        assertThat(described.getCustomDirectories().getPayloadFilesDirectory()).isEqualTo("/bucket/payload");

        Agreement toBase = new Agreement();
        toBase.setAgreementId(f.agreementId);
        toBase.setServerId(f.serverId);
        toBase.setBaseDirectory("/bucket/base");
        registry.updateAgreement(toBase);
        described = registry.describeAgreement(f.agreementId, f.serverId);
        assertThat(described.getCustomDirectories()).isNull();
        assertThat(described.getBaseDirectory()).isEqualTo("/bucket/base");

        toBase.setCustomDirectories(customDirectories());
        assertInvalid(() -> registry.updateAgreement(toBase), "mutually exclusive");
        Agreement noServer = new Agreement();
        noServer.setAgreementId(f.agreementId);
        assertInvalid(() -> registry.updateAgreement(noServer), "ServerId is required");
    }

    @Test
    void agreementLookupUsesAs2IdsAndStatus() {
        assertThat(registry.findActiveAgreement(f.serverId, "PARTNER", "MYCOMPANY")).get()
                .extracting(Agreement::getAgreementId).isEqualTo(f.agreementId);
        assertThat(registry.findActiveAgreement(f.serverId, "MYCOMPANY", "PARTNER")).isEmpty();
        Agreement off = new Agreement();
        off.setAgreementId(f.agreementId);
        off.setServerId(f.serverId);
        off.setStatus(AgreementStatusType.INACTIVE);
        registry.updateAgreement(off);
        assertThat(registry.findActiveAgreement(f.serverId, "PARTNER", "MYCOMPANY")).isEmpty();
    }

    static CustomDirectories customDirectories() {
        CustomDirectories d = new CustomDirectories();
        d.setFailedFilesDirectory("/bucket/failed");
        d.setMdnFilesDirectory("/bucket/mdn");
        d.setPayloadFilesDirectory("/bucket/payload");
        d.setStatusFilesDirectory("/bucket/status");
        d.setTemporaryFilesDirectory("/bucket/tmp");
        return d;
    }

    // ---- servers -------------------------------------------------------------------------------------------

    @Test
    void serverRules() {
        Server sftpOnly = new Server();
        sftpOnly.setProtocols(List.of(Protocol.SFTP));
        assertInvalid(() -> registry.createServer(sftpOnly), "Protocols must include AS2");
        Server described = registry.describeServer(f.serverId);
        assertThat(described.getProtocols()).containsExactly(Protocol.AS2);
        assertThat(described.isOnline()).isTrue();
        registry.stopServer(f.serverId);
        assertThat(registry.describeServer(f.serverId).isOnline()).isFalse();
        registry.startServer(f.serverId);
        assertThat(registry.describeServer(f.serverId).isOnline()).isTrue();
        Server stateChange = new Server();
        stateChange.setServerId(f.serverId);
        stateChange.setState(io.transferas2.model.State.OFFLINE);
        assertInvalid(() -> registry.updateServer(stateChange), "StartServer or StopServer");
        Server transports = new Server();
        transports.setServerId(f.serverId);
        ProtocolDetails details = new ProtocolDetails();
        details.setAs2Transports(List.of(As2Transport.HTTP, As2Transport.HTTP));
        transports.setProtocolDetails(details);
        assertInvalid(() -> registry.updateServer(transports), "As2Transports");
    }

    // ---- certificates --------------------------------------------------------------------------------------

    @Test
    void certificateRules() {
        Certificate noUsage = TestKeys.importInput(TestKeys.key("partner"), null, false);
        assertInvalid(() -> registry.importCertificate(noUsage), "Usage is required");
        Certificate longDescription = TestKeys.importInput(TestKeys.key("partner"), CertificateUsageType.TLS, false);
        longDescription.setDescription("d".repeat(201));
        assertInvalid(() -> registry.importCertificate(longDescription), "Description", "200");
        Certificate noPem = new Certificate();
        noPem.setUsage(CertificateUsageType.SIGNING);
        assertInvalid(() -> registry.importCertificate(noPem), "Certificate is required");
    }

    @Test
    void activePeriodMustLieWithinValidity() {
        Certificate described = registry.describeCertificate(f.partnerSigningCert);
        Certificate tooEarly = TestKeys.importInput(TestKeys.key("partner"), CertificateUsageType.SIGNING, false);
        tooEarly.setActiveDate(described.getNotBeforeDate().minusSeconds(1));
        assertInvalid(() -> registry.importCertificate(tooEarly), "ActiveDate", "must lie within");
        Certificate update = new Certificate();
        update.setCertificateId(f.partnerSigningCert);
        update.setInactiveDate(described.getNotAfterDate().plusSeconds(1));
        assertInvalid(() -> registry.updateCertificate(update), "InactiveDate", "must lie within");
        update.setInactiveDate(described.getActiveDate());
        assertInvalid(() -> registry.updateCertificate(update), "must be before InactiveDate");
        Instant inactive = described.getNotAfterDate().minusSeconds(3600);
        update.setInactiveDate(inactive);
        update.setDescription("rotating-out");
        registry.updateCertificate(update);
        Certificate after = registry.describeCertificate(f.partnerSigningCert);
        assertThat(after.getInactiveDate()).isEqualTo(inactive);
        assertThat(after.getDescription()).isEqualTo("rotating-out");
        Certificate changeKey = new Certificate();
        changeKey.setCertificateId(f.partnerSigningCert);
        changeKey.setCertificate("x");
        assertInvalid(() -> registry.updateCertificate(changeKey), "only ActiveDate, InactiveDate and Description");
    }

    // ---- deletion of referenced resources -------------------------------------------------------------------

    @Test
    void referencedResourcesCannotBeDeleted() {
        assertInvalid(() -> registry.deleteCertificate(f.localSigningCert), "used by profile", f.localProfile);
        assertInvalid(() -> registry.deleteProfile(f.partnerProfile), "used by", f.connectorId, f.agreementId);
        assertInvalid(() -> registry.deleteServer(f.serverId), "used by", f.agreementId);
        registry.deleteAgreement(f.agreementId, f.serverId);
        registry.deleteConnector(f.connectorId);
        registry.deleteProfile(f.partnerProfile);
        registry.deleteCertificate(f.partnerSigningCert);
        registry.deleteServer(f.serverId);
        assertThatThrownBy(() -> registry.describeServer(f.serverId)).isInstanceOf(ResourceNotFoundException.class);
    }
}
