package io.transferas2.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementStatusType;
import io.transferas2.model.Connector;
import io.transferas2.model.Profile;
import io.transferas2.model.ProfileType;
import io.transferas2.model.Server;
import io.transferas2.model.Tag;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryPagingAndErrorsTest {
    private TransferRegistry registry;
    private Fixtures f;

    @BeforeEach
    void setUp() {
        registry = new TransferRegistry();
        f = new Fixtures(registry);
    }

    @Test
    void pagesThroughConnectorsWithoutGapsOrRepeats() {
        for (int i = 0; i < 24; i++) {
            registry.createConnector(f.connector("http://partner" + i + ".example/as2"));
        }
        Set<String> seen = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            Page<Connector> page = registry.listConnectors(10, token);
            sizes.add(page.items().size());
            page.items().forEach(c -> assertThat(seen.add(c.getConnectorId())).isTrue());
            token = page.nextToken();
        } while (token != null);
        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).hasSize(25);
        assertThat(registry.listConnectors(25, null).nextToken()).isNull();
        assertThat(registry.listConnectors(null, null).items()).hasSize(25);
    }

    @Test
    void pagingRejectsBadArguments() {
        assertThatThrownBy(() -> registry.listConnectors(0, null)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("MaxResults must be between 1 and 1000");
        assertThatThrownBy(() -> registry.listConnectors(1001, null)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> registry.listConnectors(5, "not-a-token")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("NextToken is not valid");
    }

    @Test
    void listsFilterByServerAndProfileType() {
        String otherServer = registry.createServer(new Server());
        Agreement onOther = f.agreement("/other");
        onOther.setServerId(otherServer);
        registry.createAgreement(onOther);
        assertThat(registry.listAgreements(f.serverId, null, null).items()).extracting(Agreement::getAgreementId)
                .containsExactly(f.agreementId);
        assertThat(registry.listAgreements(otherServer, 1, null).items()).hasSize(1);
        assertThatThrownBy(() -> registry.listAgreements(null, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("ServerId is required");
        assertThat(registry.listProfiles(null, null, ProfileType.LOCAL).items()).extracting(Profile::getAs2Id)
                .containsExactly("MYCOMPANY");
        assertThat(registry.listProfiles(null, null, null).items()).hasSize(2);
        assertThat(registry.listCertificates(2, null).nextToken()).isNotNull();
        assertThat(registry.listServers(null, null).items()).hasSize(2);
    }

    @Test
    void tagsAddReplaceRemoveAndPage() {
        String arn = registry.describeConnector(f.connectorId).getArn();
        registry.tagResource(arn, List.of(new Tag("team", "edi"), new Tag("env", "test")));
        registry.tagResource(arn, List.of(new Tag("env", "prod"), new Tag("owner", "ops")));
        Page<Tag> first = registry.listTagsForResource(arn, 2, null);
        assertThat(first.items()).containsExactly(new Tag("team", "edi"), new Tag("env", "prod"));
        Page<Tag> second = registry.listTagsForResource(arn, 2, first.nextToken());
        assertThat(second.items()).containsExactly(new Tag("owner", "ops"));
        assertThat(second.nextToken()).isNull();
        registry.untagResource(arn, List.of("team", "owner"));
        assertThat(registry.describeConnector(f.connectorId).getTags()).containsExactly(new Tag("env", "prod"));
        assertThatThrownBy(() -> registry.tagResource("arn:aws:transfer:us-east-1:000000000000:connector/"
                + "c-0123456789abcdef0", List.of(new Tag("a", "b")))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> registry.tagResource("nonsense", List.of(new Tag("a", "b"))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void notFoundCarriesResourceAndType() {
        assertThatThrownBy(() -> registry.describeConnector("c-0123456789abcdef0"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resource()).isEqualTo("c-0123456789abcdef0");
                    assertThat(e.resourceType()).isEqualTo("Connector");
                    assertThat(e.errorType()).isEqualTo("ResourceNotFoundException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("Connector c-0123456789abcdef0 does not exist.");
                });
        assertThatThrownBy(() -> registry.describeAgreement(f.agreementId, "s-0123456789abcdef0"))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("does not exist on server");
        assertThatThrownBy(() -> registry.deleteProfile("p-0123456789abcdef0"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void creatingAnExistingIdGivesResourceExists() {
        Connector again = f.connector("http://x.example/");
        again.setConnectorId(f.connectorId);
        assertThatThrownBy(() -> registry.createConnector(again))
                .isInstanceOfSatisfying(ResourceExistsException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("ResourceExistsException");
                    assertThat(e.resource()).isEqualTo(f.connectorId);
                });
    }

    @Test
    void invalidRequestNamesFieldAndRule() {
        assertThatThrownBy(() -> registry.createProfile(Fixtures.profile(ProfileType.LOCAL, "A\u00e9B", List.of())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("InvalidRequestException");
                    assertThat(e.getMessage()).startsWith("As2Id 'A\u00e9B'");
                });
    }

    @Test
    void storeFailureRollsBackAndReportsInternalServiceError() {
        registry.setStore(snapshot -> {
            throw new IllegalStateException("disk full");
        });
        assertThatThrownBy(() -> registry.createServer(new Server()))
                .isInstanceOfSatisfying(InternalServiceError.class, e -> assertThat(e.httpStatus()).isEqualTo(500))
                .hasMessageContaining("disk full");
        assertThat(registry.listServers(null, null).items()).hasSize(1);
        Agreement off = new Agreement();
        off.setAgreementId(f.agreementId);
        off.setServerId(f.serverId);
        off.setStatus(AgreementStatusType.INACTIVE);
        assertThatThrownBy(() -> registry.updateAgreement(off)).isInstanceOf(InternalServiceError.class);
        assertThat(registry.describeAgreement(f.agreementId, f.serverId).isActive()).isTrue();
    }

    @Test
    void listenersHearEveryChangeAfterItApplies() {
        List<RegistryEvent> events = new ArrayList<>();
        AtomicBoolean visible = new AtomicBoolean();
        registry.addListener(e -> {
            events.add(e);
            if (e.change() == RegistryEvent.Change.DELETED) {
                visible.set(registry.listConnectors(null, null).items().isEmpty());
            }
        });
        registry.deleteConnector(f.connectorId);
        String id = registry.createConnector(f.connector("http://y.example/"));
        assertThat(events).containsExactly(
                new RegistryEvent(io.transferas2.model.ResourceKind.CONNECTOR, f.connectorId,
                        RegistryEvent.Change.DELETED),
                new RegistryEvent(io.transferas2.model.ResourceKind.CONNECTOR, id, RegistryEvent.Change.CREATED));
        assertThat(visible).isTrue();
    }

    @Test
    void describeReturnsCopiesThatCannotChangeTheRegistry() {
        Connector described = registry.describeConnector(f.connectorId);
        described.setUrl("http://evil.example/");
        described.getAs2Config().setLocalProfileId("p-0123456789abcdef0");
        assertThat(registry.describeConnector(f.connectorId).getUrl()).isEqualTo("http://partner.example:5080/as2");
        assertThat(registry.describeConnector(f.connectorId).getAs2Config().getLocalProfileId())
                .isEqualTo(f.localProfile);
    }
}
