package io.transferas2.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.certs.KeyMaterial;
import io.transferas2.certs.PemCodec;
import io.transferas2.model.TransferJson;
import io.transferas2.registry.TransferRegistry;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransferAs2ComponentTest {
    @TempDir
    Path dir;

    @Test
    void resolvesFromItsGeneratedServiceFileAndParsesTheUri() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            TransferAs2Endpoint endpoint = context.getEndpoint("transfer-as2:connector/c-0123456789abcdef0",
                    TransferAs2Endpoint.class);
            assertThat(endpoint.endpointType()).isEqualTo(EndpointType.CONNECTOR);
            assertThat(endpoint.getId()).isEqualTo("c-0123456789abcdef0");
            TransferAs2Endpoint server = context.getEndpoint("transfer-as2:server/s-0123456789abcdef0",
                    TransferAs2Endpoint.class);
            assertThat(server.endpointType()).isEqualTo(EndpointType.SERVER);
            try (var json = getClass().getResourceAsStream("/META-INF/io/transferas2/camel/transfer-as2.json")) {
                assertThat(new String(json.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .contains("\"syntax\": \"transfer-as2:type\\/id\"");
            }
        }
    }

    @Test
    void apiEndpointHasNoIdAndOnlyConsumes() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            TransferAs2Endpoint api = context.getEndpoint("transfer-as2:api?apiPath=/transfer",
                    TransferAs2Endpoint.class);
            assertThat(api.endpointType()).isEqualTo(EndpointType.API);
            assertThat(api.getId()).isNull();
            assertThat(api.getConfiguration().getApiPath()).isEqualTo("/transfer");
            assertThat(api.getConfiguration().getStartFileTransferEndpoint())
                    .isEqualTo("direct:transfer-as2-start-file-transfer");
            assertThatThrownBy(api::createProducer).hasMessageContaining("needs a connector endpoint");
            assertThatThrownBy(() -> context.getEndpoint("transfer-as2:api/s-0123456789abcdef0"))
                    .hasMessageContaining("transfer-as2:api");
        }
    }

    @Test
    void rejectsMalformedUrisClearly() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            assertThatThrownBy(() -> context.getEndpoint("transfer-as2:agreement/a-0123456789abcdef0"))
                    .isInstanceOf(ResolveEndpointFailedException.class)
                    .hasMessageContaining("transfer-as2:connector/<ConnectorId> or transfer-as2:server/<ServerId>");
            assertThatThrownBy(() -> context.getEndpoint("transfer-as2:connector/s-0123456789abcdef0"))
                    .hasMessageContaining("is not a ConnectorId");
            assertThatThrownBy(() -> context.getEndpoint("transfer-as2:connector"))
                    .hasMessageContaining("expected transfer-as2:connector/<ConnectorId>");
            TransferAs2Endpoint server = context.getEndpoint("transfer-as2:server/s-0123456789abcdef0",
                    TransferAs2Endpoint.class);
            assertThatThrownBy(server::createProducer).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("needs a connector endpoint");
        }
    }

    @Test
    void opensTheRegistryFileAndResolvesKeyPasswordsThroughCamelProperties() throws Exception {
        KeyMaterial key = TestKeys.key("component");
        Files.writeString(dir.resolve("signing.key"),
                PemCodec.privateKeyToPem(key.privateKey().orElseThrow(), "camel-secret".toCharArray()));
        Path file = dir.resolve("registry.yaml");
        Files.writeString(file, """
                Certificates:
                  - CertificateId: cert-0123456789abcdef0
                    Usage: SIGNING
                    Certificate: %s
                    PrivateKey: file:signing.key
                    PrivateKeyPassword: "{{as2.signing.password}}"
                """.formatted(TransferJson.json().writeValueAsString(TestKeys.certificatePem(key))));
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("as2.signing.password", "camel-secret");
            context.getPropertiesComponent().setInitialProperties(properties);
            TransferAs2Component component = context.getComponent("transfer-as2", TransferAs2Component.class);
            component.setRegistryFile(file.toString());
            context.start();
            assertThat(component.transferRegistry().certificateEntry("cert-0123456789abcdef0").orElseThrow().material()
                    .hasPrivateKey()).isTrue();
        }
    }

    @Test
    void usesARegistryBeanFromTheCamelRegistry() throws Exception {
        TransferRegistry registry = new TransferRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myRegistry", registry);
            context.getEndpoint("transfer-as2:server/s-0123456789abcdef0");
            context.start();
            assertThat(context.getComponent("transfer-as2", TransferAs2Component.class).transferRegistry())
                    .isSameAs(registry);
        }
    }
}
