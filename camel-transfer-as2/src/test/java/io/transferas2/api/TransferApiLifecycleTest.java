package io.transferas2.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.transfer.TransferClient;
import software.amazon.awssdk.services.transfer.model.AgreementStatusType;
import software.amazon.awssdk.services.transfer.model.As2ConnectorConfig;
import software.amazon.awssdk.services.transfer.model.As2Transport;
import software.amazon.awssdk.services.transfer.model.CertificateStatusType;
import software.amazon.awssdk.services.transfer.model.CertificateType;
import software.amazon.awssdk.services.transfer.model.CertificateUsageType;
import software.amazon.awssdk.services.transfer.model.CompressionEnum;
import software.amazon.awssdk.services.transfer.model.DescribedAgreement;
import software.amazon.awssdk.services.transfer.model.DescribedCertificate;
import software.amazon.awssdk.services.transfer.model.DescribedConnector;
import software.amazon.awssdk.services.transfer.model.DescribedProfile;
import software.amazon.awssdk.services.transfer.model.DescribedServer;
import software.amazon.awssdk.services.transfer.model.EncryptionAlg;
import software.amazon.awssdk.services.transfer.model.ListedCertificate;
import software.amazon.awssdk.services.transfer.model.MdnResponse;
import software.amazon.awssdk.services.transfer.model.MdnSigningAlg;
import software.amazon.awssdk.services.transfer.model.PreserveFilenameType;
import software.amazon.awssdk.services.transfer.model.ProfileType;
import software.amazon.awssdk.services.transfer.model.Protocol;
import software.amazon.awssdk.services.transfer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.transfer.model.SigningAlg;
import software.amazon.awssdk.services.transfer.model.State;
import software.amazon.awssdk.services.transfer.model.Tag;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.registry.RegistryEvent;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The full lifecycle of every resource kind through the real AWS SDK TransferClient: create, describe, partial
 * update, list with paging, tags, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferApiLifecycleTest {
    private ApiHarness api;
    private TransferClient client;

    @BeforeAll
    void start() throws Exception {
        api = ApiHarness.start();
        client = api.client();
    }

    @AfterAll
    void stop() throws Exception {
        api.close();
    }

    @Test
    void certificates() {
        KeyMaterial signing = TestKeys.key("api-lifecycle-signing");
        String withKey = client.importCertificate(b -> b.usage(CertificateUsageType.SIGNING)
                .certificate(TestKeys.certificatePem(signing)).privateKey(TestKeys.privateKeyPem(signing))
                .description("our-signing-key").tags(Tag.builder().key("team").value("edi").build()))
                .certificateId();
        String withoutKey = client.importCertificate(b -> b.usage(CertificateUsageType.ENCRYPTION)
                .certificate(TestKeys.certificatePem(TestKeys.key("api-lifecycle-partner")))).certificateId();
        assertThat(withKey).matches("cert-[0-9a-f]{17}");

        DescribedCertificate described = client.describeCertificate(b -> b.certificateId(withKey)).certificate();
        assertThat(described.usage()).isEqualTo(CertificateUsageType.SIGNING);
        assertThat(described.type()).isEqualTo(CertificateType.CERTIFICATE_WITH_PRIVATE_KEY);
        assertThat(described.status()).isEqualTo(CertificateStatusType.ACTIVE);
        assertThat(described.certificate()).isEqualTo(TestKeys.certificatePem(signing));
        assertThat(described.notAfterDate()).isEqualTo(signing.certificate().getNotAfter().toInstant());
        assertThat(described.activeDate()).isEqualTo(described.notBeforeDate());
        assertThat(described.tags()).containsExactly(Tag.builder().key("team").value("edi").build());
        assertThat(described.arn()).endsWith(":certificate/" + withKey);
        assertThat(api.component().transferRegistry().certificateEntry(withKey).orElseThrow().material()
                .privateKey()).isPresent();
        assertThat(client.describeCertificate(b -> b.certificateId(withoutKey)).certificate().type())
                .isEqualTo(CertificateType.CERTIFICATE);

        // partial update: only Description, then only InactiveDate
        client.updateCertificate(b -> b.certificateId(withKey).description("rotated-soon"));
        DescribedCertificate updated = client.describeCertificate(b -> b.certificateId(withKey)).certificate();
        assertThat(updated.description()).isEqualTo("rotated-soon");
        assertThat(updated.activeDate()).isEqualTo(described.activeDate());
        assertThat(updated.inactiveDate()).isEqualTo(described.inactiveDate());
        Instant inactive = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        client.updateCertificate(b -> b.certificateId(withKey).inactiveDate(inactive));
        updated = client.describeCertificate(b -> b.certificateId(withKey)).certificate();
        assertThat(updated.inactiveDate()).isEqualTo(inactive);
        assertThat(updated.description()).isEqualTo("rotated-soon");

        List<ListedCertificate> listed = client.listCertificatesPaginator(b -> b.maxResults(1)).certificates()
                .stream().toList();
        assertThat(listed).extracting(ListedCertificate::certificateId).contains(withKey, withoutKey);
        ListedCertificate listedWithKey = listed.stream().filter(c -> c.certificateId().equals(withKey))
                .findFirst().orElseThrow();
        assertThat(listedWithKey.description()).isEqualTo("rotated-soon");
        assertThat(listedWithKey.type()).isEqualTo(CertificateType.CERTIFICATE_WITH_PRIVATE_KEY);
        assertThat(listedWithKey.usage()).isEqualTo(CertificateUsageType.SIGNING);
        assertPagesOfOne(token -> {
            var page = client.listCertificates(b -> b.maxResults(1).nextToken(token));
            return new PageIds(page.certificates().stream().map(ListedCertificate::certificateId).toList(),
                    page.nextToken());
        }, withKey, withoutKey);

        tagLifecycle(described.arn());

        client.deleteCertificate(b -> b.certificateId(withoutKey));
        assertThatThrownBy(() -> client.describeCertificate(b -> b.certificateId(withoutKey)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void profiles() {
        String cert = importCertificate("api-lifecycle-profile", CertificateUsageType.SIGNING);
        String cert2 = importCertificate("api-lifecycle-profile-2", CertificateUsageType.ENCRYPTION);
        String local = client.createProfile(b -> b.as2Id("LIFECYCLE-LOCAL").profileType(ProfileType.LOCAL)
                .certificateIds(cert)).profileId();
        String partner = client.createProfile(b -> b.as2Id("LIFECYCLE-PARTNER").profileType(ProfileType.PARTNER))
                .profileId();

        DescribedProfile described = client.describeProfile(b -> b.profileId(local)).profile();
        assertThat(described.as2Id()).isEqualTo("LIFECYCLE-LOCAL");
        assertThat(described.profileType()).isEqualTo(ProfileType.LOCAL);
        assertThat(described.certificateIds()).containsExactly(cert);

        client.updateProfile(b -> b.profileId(local).certificateIds(cert, cert2));
        DescribedProfile updated = client.describeProfile(b -> b.profileId(local)).profile();
        assertThat(updated.certificateIds()).containsExactly(cert, cert2);
        assertThat(updated.as2Id()).isEqualTo("LIFECYCLE-LOCAL");

        assertThat(client.listProfilesPaginator(b -> b.maxResults(1).profileType(ProfileType.PARTNER)).profiles()
                .stream().map(p -> p.profileId()).toList()).contains(partner).doesNotContain(local);
        var listedLocal = client.listProfiles(b -> b.profileType(ProfileType.LOCAL)).profiles().stream()
                .filter(p -> p.profileId().equals(local)).findFirst().orElseThrow();
        assertThat(listedLocal.as2Id()).isEqualTo("LIFECYCLE-LOCAL");
        assertThat(listedLocal.arn()).endsWith(":profile/" + local);
        assertPagesOfOne(token -> {
            var page = client.listProfiles(b -> b.maxResults(1).nextToken(token));
            return new PageIds(page.profiles().stream().map(p -> p.profileId()).toList(), page.nextToken());
        }, local, partner);

        tagLifecycle(described.arn());

        client.deleteProfile(b -> b.profileId(partner));
        assertThatThrownBy(() -> client.describeProfile(b -> b.profileId(partner)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void serversStartStopAndAnnounceChanges() {
        TransferRegistry registry = api.component().transferRegistry();
        List<RegistryEvent> events = new CopyOnWriteArrayList<>();
        registry.addListener(events::add);
        try {
            String server = client.createServer(b -> b.protocols(Protocol.AS2)
                    .protocolDetails(d -> d.as2Transports(As2Transport.HTTP))
                    .tags(Tag.builder().key("env").value("test").build())).serverId();
            String other = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
            DescribedServer described = client.describeServer(b -> b.serverId(server)).server();
            assertThat(described.state()).isEqualTo(State.ONLINE);
            assertThat(described.protocols()).containsExactly(Protocol.AS2);
            assertThat(described.protocolDetails().as2Transports()).containsExactly(As2Transport.HTTP);

            client.updateServer(b -> b.serverId(server).loggingRole("arn:aws:iam::000000000000:role/logging"));
            DescribedServer updated = client.describeServer(b -> b.serverId(server)).server();
            assertThat(updated.loggingRole()).isEqualTo("arn:aws:iam::000000000000:role/logging");
            assertThat(updated.protocolDetails().as2Transports()).containsExactly(As2Transport.HTTP);

            events.clear();
            client.stopServer(b -> b.serverId(server));
            assertThat(client.describeServer(b -> b.serverId(server)).server().state()).isEqualTo(State.OFFLINE);
            assertThat(registry.describeServer(server).isOnline()).isFalse();
            assertThat(events).containsExactly(new RegistryEvent(io.transferas2.model.ResourceKind.SERVER, server,
                    RegistryEvent.Change.UPDATED));
            client.startServer(b -> b.serverId(server));
            assertThat(client.describeServer(b -> b.serverId(server)).server().state()).isEqualTo(State.ONLINE);

            var listed = client.listServers(b -> { }).servers().stream()
                    .filter(s -> s.serverId().equals(server)).findFirst().orElseThrow();
            assertThat(listed.state()).isEqualTo(State.ONLINE);
            assertThat(listed.loggingRole()).isEqualTo("arn:aws:iam::000000000000:role/logging");
            assertPagesOfOne(token -> {
                var page = client.listServers(b -> b.maxResults(1).nextToken(token));
                return new PageIds(page.servers().stream().map(s -> s.serverId()).toList(), page.nextToken());
            }, server, other);

            tagLifecycle(described.arn());

            client.deleteServer(b -> b.serverId(other));
            assertThatThrownBy(() -> client.describeServer(b -> b.serverId(other)))
                    .isInstanceOf(ResourceNotFoundException.class);
        } finally {
            registry.removeListener(events::add);
        }
    }

    @Test
    void connectors() {
        String local = localProfile("CONNECTOR-LOCAL");
        String partner = partnerProfile("CONNECTOR-PARTNER");
        String connector = client.createConnector(b -> b.url("http://partner.example.com:5080/as2")
                .accessRole("arn:aws:iam::000000000000:role/as2")
                .as2Config(As2ConnectorConfig.builder().localProfileId(local).partnerProfileId(partner)
                        .messageSubject("invoices").signingAlgorithm(SigningAlg.SHA384)
                        .encryptionAlgorithm(EncryptionAlg.AES128_CBC).mdnResponse(MdnResponse.SYNC)
                        .mdnSigningAlgorithm(MdnSigningAlg.DEFAULT).build())
                .accessRole("arn:aws:iam::000000000000:role/as2-access")).connectorId();
        String second = client.createConnector(b -> b.url("https://other.example.com/as2")
                .accessRole("arn:aws:iam::000000000000:role/as2")
                .as2Config(c -> c.localProfileId(local).partnerProfileId(partner))).connectorId();

        DescribedConnector described = client.describeConnector(b -> b.connectorId(connector)).connector();
        assertThat(described.url()).isEqualTo("http://partner.example.com:5080/as2");
        assertThat(described.as2Config().signingAlgorithm()).isEqualTo(SigningAlg.SHA384);
        assertThat(described.as2Config().mdnSigningAlgorithm()).isEqualTo(MdnSigningAlg.DEFAULT);
        assertThat(described.accessRole()).isEqualTo("arn:aws:iam::000000000000:role/as2-access");

        // partial: only As2Config.Compression changes, every other As2Config field stays
        client.updateConnector(b -> b.connectorId(connector).as2Config(c -> c.compression(CompressionEnum.ZLIB)));
        As2ConnectorConfig config = client.describeConnector(b -> b.connectorId(connector)).connector().as2Config();
        assertThat(config.compression()).isEqualTo(CompressionEnum.ZLIB);
        assertThat(config.signingAlgorithm()).isEqualTo(SigningAlg.SHA384);
        assertThat(config.encryptionAlgorithm()).isEqualTo(EncryptionAlg.AES128_CBC);
        assertThat(config.messageSubject()).isEqualTo("invoices");
        assertThat(config.localProfileId()).isEqualTo(local);
        client.updateConnector(b -> b.connectorId(connector).url("https://partner.example.com/as2"));
        DescribedConnector moved = client.describeConnector(b -> b.connectorId(connector)).connector();
        assertThat(moved.url()).isEqualTo("https://partner.example.com/as2");
        assertThat(moved.as2Config().compression()).isEqualTo(CompressionEnum.ZLIB);
        // the running routes read the registry, so the change is there at once
        assertThat(api.component().transferRegistry().describeConnector(connector).getUrl())
                .isEqualTo("https://partner.example.com/as2");

        var listed = client.listConnectors(b -> { }).connectors().stream()
                .filter(c -> c.connectorId().equals(connector)).findFirst().orElseThrow();
        assertThat(listed.url()).isEqualTo("https://partner.example.com/as2");
        assertPagesOfOne(token -> {
            var page = client.listConnectors(b -> b.maxResults(1).nextToken(token));
            return new PageIds(page.connectors().stream().map(c -> c.connectorId()).toList(), page.nextToken());
        }, connector, second);

        tagLifecycle(described.arn());

        client.deleteConnector(b -> b.connectorId(second));
        assertThatThrownBy(() -> client.describeConnector(b -> b.connectorId(second)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void agreements() {
        String server = client.createServer(b -> b.protocols(Protocol.AS2)).serverId();
        String local = localProfile("AGREEMENT-LOCAL");
        String partner = partnerProfile("AGREEMENT-PARTNER");
        String partner2 = partnerProfile("AGREEMENT-PARTNER-2");
        String agreement = client.createAgreement(b -> b.serverId(server).localProfileId(local)
                .partnerProfileId(partner).baseDirectory("/inbound-bucket/partner1")
                .accessRole("arn:aws:iam::000000000000:role/as2-access").description("first-partner")
                .preserveFilename(PreserveFilenameType.ENABLED)).agreementId();
        String second = client.createAgreement(b -> b.serverId(server).localProfileId(local)
                .partnerProfileId(partner2)
                        .accessRole("arn:aws:iam::000000000000:role/as2")
                                .baseDirectory("/inbound-bucket/partner2")).agreementId();

        DescribedAgreement described = client.describeAgreement(b -> b.agreementId(agreement).serverId(server))
                .agreement();
        assertThat(described.status()).isEqualTo(AgreementStatusType.ACTIVE);
        assertThat(described.baseDirectory()).isEqualTo("/inbound-bucket/partner1");
        assertThat(described.preserveFilename()).isEqualTo(PreserveFilenameType.ENABLED);

        client.updateAgreement(b -> b.agreementId(agreement).serverId(server).description("renamed"));
        DescribedAgreement updated = client.describeAgreement(b -> b.agreementId(agreement).serverId(server))
                .agreement();
        assertThat(updated.description()).isEqualTo("renamed");
        assertThat(updated.baseDirectory()).isEqualTo("/inbound-bucket/partner1");
        assertThat(updated.preserveFilename()).isEqualTo(PreserveFilenameType.ENABLED);

        client.updateAgreement(b -> b.agreementId(agreement).serverId(server).customDirectories(d -> d
                .payloadFilesDirectory("/inbound-bucket/payload").mdnFilesDirectory("/inbound-bucket/mdn")
                .statusFilesDirectory("/inbound-bucket/status").failedFilesDirectory("/inbound-bucket/failed")
                .temporaryFilesDirectory("/inbound-bucket/tmp")).status(AgreementStatusType.INACTIVE));
        updated = client.describeAgreement(b -> b.agreementId(agreement).serverId(server)).agreement();
        assertThat(updated.baseDirectory()).isNull();
        assertThat(updated.customDirectories().payloadFilesDirectory()).isEqualTo("/inbound-bucket/payload");
        assertThat(updated.status()).isEqualTo(AgreementStatusType.INACTIVE);
        assertThat(updated.description()).isEqualTo("renamed");

        var listed = client.listAgreements(b -> b.serverId(server)).agreements();
        assertThat(listed).extracting(a -> a.agreementId()).containsExactlyInAnyOrder(agreement, second);
        assertThat(listed.stream().filter(a -> a.agreementId().equals(agreement)).findFirst().orElseThrow()
                .status()).isEqualTo(AgreementStatusType.INACTIVE);
        assertPagesOfOne(token -> {
            var page = client.listAgreements(b -> b.serverId(server).maxResults(1).nextToken(token));
            return new PageIds(page.agreements().stream().map(a -> a.agreementId()).toList(), page.nextToken());
        }, agreement, second);

        tagLifecycle(described.arn());

        client.deleteAgreement(b -> b.agreementId(second).serverId(server));
        assertThatThrownBy(() -> client.describeAgreement(b -> b.agreementId(second).serverId(server)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    private void tagLifecycle(String arn) {
        client.tagResource(b -> b.arn(arn).tags(Tag.builder().key("owner").value("b2b").build(),
                Tag.builder().key("cost-center").value("42").build()));
        client.tagResource(b -> b.arn(arn).tags(Tag.builder().key("owner").value("edi-team").build()));
        var tags = client.listTagsForResource(b -> b.arn(arn)).tags();
        assertThat(tags).contains(Tag.builder().key("owner").value("edi-team").build(),
                Tag.builder().key("cost-center").value("42").build());
        var firstPage = client.listTagsForResource(b -> b.arn(arn).maxResults(1));
        assertThat(firstPage.arn()).isEqualTo(arn);
        assertThat(firstPage.tags()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
        client.untagResource(b -> b.arn(arn).tagKeys("cost-center"));
        assertThat(client.listTagsForResource(b -> b.arn(arn)).tags()).extracting(Tag::key)
                .contains("owner").doesNotContain("cost-center");
    }

    /** Walks the pages of one item each and checks that the expected IDs all appear, each once. */
    private static void assertPagesOfOne(Function<String, PageIds> fetch, String... expected) {
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            PageIds page = fetch.apply(token);
            assertThat(page.ids()).hasSizeLessThanOrEqualTo(1);
            seen.addAll(page.ids());
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 1000);
        assertThat(seen).doesNotHaveDuplicates().contains(expected);
        assertThat(pages).isGreaterThanOrEqualTo(expected.length);
    }

    private record PageIds(List<String> ids, String nextToken) {
    }

    private String importCertificate(String name, CertificateUsageType usage) {
        return client.importCertificate(b -> b.usage(usage)
                .certificate(TestKeys.certificatePem(TestKeys.key(name)))).certificateId();
    }

    private String localProfile(String as2Id) {
        return client.createProfile(b -> b.as2Id(as2Id).profileType(ProfileType.LOCAL)).profileId();
    }

    private String partnerProfile(String as2Id) {
        return client.createProfile(b -> b.as2Id(as2Id).profileType(ProfileType.PARTNER)).profileId();
    }
}
