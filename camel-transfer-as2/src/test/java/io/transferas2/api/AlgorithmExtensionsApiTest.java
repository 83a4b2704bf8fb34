package io.transferas2.api;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.transfer.model.DescribeConnectorResponse;

import io.transferas2.model.Agreement;
import io.transferas2.model.AgreementExtensions;
import io.transferas2.model.As2Algorithm;
import io.transferas2.model.As2ConnectorExtensions;
import io.transferas2.model.Connector;
import io.transferas2.model.EncryptionAlg;
import io.transferas2.model.Server;
import io.transferas2.model.SigningAlg;
import io.transferas2.registry.InvalidRequestException;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The extension for the algorithms beyond AWS (connector {@code As2Config.Extensions}, agreement {@code Extensions})
 * seen from an AWS client: registry-only members that the API never returns, refuses in requests, and keeps across
 * updates; and the registry's checks of their values.
 */
class AlgorithmExtensionsApiTest {
    private static ApiHarness api;
    private static TransferRegistry registry;
    private static Fixtures f;
    private static SignedHttp raw;
    private static String connectorId;
    private static String agreementId;
    private static String serverId;

    @BeforeAll
    static void start() throws Exception {
        api = ApiHarness.start();
        registry = api.component().getRegistry();
        f = new Fixtures(registry);
        raw = new SignedHttp(api.endpoint());
        Connector c = f.connector("https://partner.example/as2");
        c.getAs2Config().setEncryptionAlgorithm(EncryptionAlg.AES256_CBC);
        c.getAs2Config().setSigningAlgorithm(SigningAlg.SHA256);
        As2ConnectorExtensions x = new As2ConnectorExtensions();
        x.setEncryptionAlgorithm(As2Algorithm.AES256_GCM);
        x.setKeyEncryptionAlgorithm(As2Algorithm.RSAES_OAEP);
        x.setSignatureAlgorithm(As2Algorithm.RSASSA_PSS);
        c.getAs2Config().setExtensions(x);
        connectorId = registry.createConnector(c);
        Agreement a = f.agreement("/inbox/extended");
        serverId = registry.createServer(new Server());
        a.setServerId(serverId);
        AgreementExtensions ax = new AgreementExtensions();
        ax.setRefusedAlgorithms(List.of(As2Algorithm.DES_EDE3_CBC, As2Algorithm.SHA1));
        ax.setMdnSignatureAlgorithm(As2Algorithm.RSASSA_PSS);
        a.setExtensions(ax);
        agreementId = registry.createAgreement(a);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void describeShowsOnlyAwsMembersAndTheSdkReadsThem() throws Exception {
        HttpResponse<String> connector = raw.send("TransferService.DescribeConnector",
                "{\"ConnectorId\": \"" + connectorId + "\"}");
        assertThat(connector.statusCode()).isEqualTo(200);
        assertThat(connector.body()).doesNotContain("Extensions").doesNotContain("GCM").doesNotContain("OAEP")
                .doesNotContain("PSS").contains("\"EncryptionAlgorithm\":\"AES256_CBC\"");
        HttpResponse<String> agreement = raw.send("TransferService.DescribeAgreement",
                "{\"AgreementId\": \"" + agreementId + "\", \"ServerId\": \"" + serverId + "\"}");
        assertThat(agreement.statusCode()).isEqualTo(200);
        assertThat(agreement.body()).doesNotContain("Extensions").doesNotContain("RefusedAlgorithms");

        DescribeConnectorResponse sdk = api.client().describeConnector(b -> b.connectorId(connectorId));
        assertThat(sdk.connector().as2Config().encryptionAlgorithmAsString()).isEqualTo("AES256_CBC");
        assertThat(sdk.connector().as2Config().signingAlgorithmAsString()).isEqualTo("SHA256");
    }

    @Test
    void updatesKeepTheExtensionAndRequestsCannotSetIt() throws Exception {
        HttpResponse<String> update = raw.send("TransferService.UpdateConnector", "{\"ConnectorId\": \""
                + connectorId + "\", \"As2Config\": {\"Compression\": \"ZLIB\"}}");
        assertThat(update.statusCode()).isEqualTo(200);
        As2ConnectorExtensions kept = registry.describeConnector(connectorId).getAs2Config().getExtensions();
        assertThat(kept.getEncryptionAlgorithm()).isEqualTo(As2Algorithm.AES256_GCM);
        assertThat(kept.getKeyEncryptionAlgorithm()).isEqualTo(As2Algorithm.RSAES_OAEP);
        assertThat(kept.getSignatureAlgorithm()).isEqualTo(As2Algorithm.RSASSA_PSS);

        HttpResponse<String> agreement = raw.send("TransferService.UpdateAgreement", "{\"AgreementId\": \""
                + agreementId + "\", \"ServerId\": \"" + serverId + "\", \"Description\": \"renamed\"}");
        assertThat(agreement.statusCode()).isEqualTo(200);
        assertThat(registry.describeAgreement(agreementId, serverId).refusedAlgorithms())
                .containsExactly(As2Algorithm.DES_EDE3_CBC, As2Algorithm.SHA1);

        HttpResponse<String> smuggled = raw.send("TransferService.UpdateConnector", "{\"ConnectorId\": \""
                + connectorId + "\", \"As2Config\": {\"Extensions\": {\"EncryptionAlgorithm\": \"AES128_GCM\"}}}");
        assertThat(smuggled.statusCode()).isEqualTo(400);
        assertThat(smuggled.body()).contains("InvalidRequestException").contains("as2Config.extensions");
        assertThat(registry.describeConnector(connectorId).getAs2Config().getExtensions().getEncryptionAlgorithm())
                .isEqualTo(As2Algorithm.AES256_GCM);
    }

    @Test
    void theRegistryChecksEachMemberOfTheExtension() {
        As2ConnectorExtensions wrongKind = new As2ConnectorExtensions();
        wrongKind.setKeyEncryptionAlgorithm(As2Algorithm.SHA256);
        assertThatThrownBy(() -> registry.createConnector(connectorWith(wrongKind, EncryptionAlg.AES256_CBC)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("As2Config.Extensions.KeyEncryptionAlgorithm").hasMessageContaining("RSAES_OAEP");

        As2ConnectorExtensions cbc = new As2ConnectorExtensions();
        cbc.setEncryptionAlgorithm(As2Algorithm.AES128_CBC);
        assertThatThrownBy(() -> registry.createConnector(connectorWith(cbc, EncryptionAlg.AES256_CBC)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("AES128_GCM or AES256_GCM");

        As2ConnectorExtensions gcm = new As2ConnectorExtensions();
        gcm.setEncryptionAlgorithm(As2Algorithm.AES128_GCM);
        assertThatThrownBy(() -> registry.createConnector(connectorWith(gcm, EncryptionAlg.NONE)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("As2Config.EncryptionAlgorithm is"
                        + " NONE");
    }

    @Test
    void anEmptyEntryInThePolicyIsNamed() {
        Agreement a = f.agreement("/inbox/empty-entry");
        a.setServerId(registry.createServer(new Server()));
        AgreementExtensions ax = new AgreementExtensions();
        ax.setRefusedAlgorithms(java.util.Arrays.asList(As2Algorithm.SHA1, null));
        a.setExtensions(ax);
        assertThatThrownBy(() -> registry.createAgreement(a)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Extensions.RefusedAlgorithms must not contain an empty entry");
    }

    private static Connector connectorWith(As2ConnectorExtensions x, EncryptionAlg enc) {
        Connector c = f.connector("https://partner.example/other");
        c.getAs2Config().setEncryptionAlgorithm(enc);
        c.getAs2Config().setExtensions(x);
        return c;
    }
}
