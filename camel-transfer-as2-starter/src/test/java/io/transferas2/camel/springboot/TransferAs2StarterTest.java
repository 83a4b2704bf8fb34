package io.transferas2.camel.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.transferas2.camel.TransferAs2Component;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.peers.ReceivedMessage;
import io.transferas2.peers.Tls;
import io.transferas2.registry.TransferRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 application with only the starter and properties: it receives one AS2 message over HTTPS (its
 * certificate made by the test) from our producer and sends one through its connector to as2-lib; the component is
 * configured from camel.component.transfer-as2.* by the starter (no hand-written bean), and its health shows in
 * Spring Boot's actuator.
 */
@SpringBootTest(classes = StarterApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TransferAs2StarterTest {
    private static final String PROCESSED = "automatic-action/MDN-sent-automatically; processed";

    private final StarterStations stations = StarterStations.get();

    @Autowired
    CamelContext camel;
    @Autowired
    ProducerTemplate template;
    @Autowired
    ApplicationContext spring;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        StarterStations.properties(registry);
    }

    @Test
    void receivesOneMessageOverHttpsAndAnswersWithASignedMdn() throws Exception {
        byte[] payload = "ISA*00*          *00*          *ZZ*PARTNER~IEA*1*000000001~".getBytes();
        Exchange sent = stations.partnerContext().createProducerTemplate().request(
                "transfer-as2:connector/" + StarterStations.PARTNER_CONNECTOR_ID, e -> {
                    e.getMessage().setBody(payload);
                    e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "po.x12");
                });
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.DISPOSITION)).isEqualTo(PROCESSED);
        String messageId = sent.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class);

        Map<String, Object> received = StarterApplication.RECEIVED.poll(20, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        assertThat(received.get(TransferAs2Constants.MESSAGE_ID)).isEqualTo(messageId);
        Path landed = Path.of(stations.dir.resolve("landing").toString(),
                (String) received.get(TransferAs2Constants.PAYLOAD_BUCKET),
                (String) received.get(TransferAs2Constants.PAYLOAD_KEY));
        assertThat(landed.toString()).endsWith("inbox/partner/processed/po." + messageId + ".x12");
        assertThat(Files.readAllBytes(landed)).isEqualTo(payload);
        // a component option (storeDirectory) reached the component through the starter: the embedded store is there
        assertThat(stations.dir.resolve("store").resolve("transfers.mv.db")).isRegularFile();
    }

    @Test
    void sendsOneMessageThroughItsConnector() throws Exception {
        Exchange result = template.request("transfer-as2:connector/" + StarterStations.CONNECTOR_ID, e -> {
            e.getMessage().setBody("UNB+UNOA:2+MYCOMPANY+PARTNER'UNZ+1'");
            e.getMessage().setHeader(TransferAs2Constants.FILE_NAME, "invoice.edi");
        });
        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        assertThat(result.getMessage().getHeader(TransferAs2Constants.DISPOSITION)).isEqualTo(PROCESSED);
        ReceivedMessage received = stations.partnerServer.awaitReceived(1, Duration.ofSeconds(20)).get(0);
        assertThat(received.accepted()).isTrue();
        assertThat(received.messageId())
                .isEqualTo(result.getMessage().getHeader(TransferAs2Constants.MESSAGE_ID, String.class));
    }

    @Test
    void componentIsConfiguredByTheStarterAlone() {
        assertThat(spring.getBeansOfType(TransferAs2Component.class)).isEmpty();
        TransferAs2Component component = camel.getComponent("transfer-as2", TransferAs2Component.class);
        assertThat(component.getRegistryFile()).endsWith("application-registry.yaml");
        assertThat(component.getAsyncMdnStoreDirectory()).endsWith("pending-mdn");
        assertThat(component.getStoreDirectory()).endsWith("store");
        assertThat(spring.getEnvironment().getProperty("spring.servlet.multipart.strict-servlet-compliance"))
                .isEqualTo("true");
    }

    @Test
    void readinessOfTheServerConsumerShowsInTheActuatorOverHttps() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(Tls.clientContext(stations.tls.certificate()))
                .build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + stations.port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"", "camelHealth");

        // a stopped server makes the consumer's readiness check, and so the application, DOWN (503)
        TransferRegistry registry = camel.getComponent("transfer-as2", TransferAs2Component.class).transferRegistry();
        registry.stopServer(StarterStations.SERVER_ID);
        try {
            HttpResponse<String> down = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + stations.port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"consumer:as2-inbound\":\"DOWN\"",
                    "\"server.state\":\"OFFLINE\"");
        } finally {
            registry.startServer(StarterStations.SERVER_ID);
        }
    }
}
