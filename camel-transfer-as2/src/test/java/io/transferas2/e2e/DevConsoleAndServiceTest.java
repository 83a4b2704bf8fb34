package io.transferas2.e2e;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.console.DevConsole;
import org.apache.camel.spi.EndpointServiceRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.transferas2.camel.RecentTransfers;
import io.transferas2.camel.TransferAs2Constants;
import io.transferas2.camel.TransferAs2DevConsole;
import io.transferas2.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code transfer-as2} dev console and {@code camel get service} on two real stations that have traded a message:
 * the console is found through its generated SPI entry, shows servers with state and port, connectors, agreements,
 * certificates with days to expiry, in-flight counts and (given a {@link RecentTransfers} bean) recent transfers, in
 * JSON and text, never a key; the server endpoint reports the URL partners post to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevConsoleAndServiceTest {
    @TempDir
    static Path dir;

    private Station mycompany;
    private Station partner;
    private String connectorId;

    @BeforeAll
    void tradeOneMessage() throws Exception {
        mycompany = new Station("CONSOLE-MYCOMPANY", TestKeys.key("console-mycompany"), dir.resolve("mycompany"));
        partner = new Station("CONSOLE-PARTNER", TestKeys.key("console-partner"), dir.resolve("partner"));
        mycompany.trade(partner, partner.key);
        partner.trade(mycompany, mycompany.key);
        connectorId = mycompany.connectorTo(partner, c -> { });
        mycompany.start();
        partner.start();
        partner.context.getRegistry().bind("recent", (RecentTransfers) limit -> List.of(
                Map.<String, Object> of("TransferId", "t-1", "StatusCode", "COMPLETED"),
                Map.<String, Object> of("TransferId", "t-2", "StatusCode", "FAILED")).subList(0, Math.min(limit, 2)));
        Exchange sent = mycompany.send(connectorId, "ISA*00~".getBytes(StandardCharsets.US_ASCII), "po.x12");
        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(TransferAs2Constants.STATUS_CODE)).isEqualTo("COMPLETED");
        partner.next();
    }

    @AfterAll
    void stop() throws Exception {
        partner.close();
        mycompany.close();
    }

    @Test
    void consoleIsResolvedThroughItsGeneratedServiceEntry() {
        DevConsole console = PluginHelper.getDevConsoleResolver(partner.context).resolveDevConsole("transfer-as2");
        assertThat(console).isInstanceOf(TransferAs2DevConsole.class);
        assertThat(console.getGroup()).isEqualTo("camel");
        assertThat(console.supportMediaType(DevConsole.MediaType.JSON)).isTrue();
    }

    @Test
    void jsonShowsTheReceivingStation() {
        JsonObject json = (JsonObject) console(partner).call(DevConsole.MediaType.JSON, Map.of());
        JsonObject server = only(json.getCollection("servers"));
        assertThat(server.getString("serverId")).isEqualTo(partner.serverId);
        assertThat(server.getString("state")).isEqualTo("ONLINE");
        assertThat(server.getString("consumer")).isEqualTo("Started");
        assertThat(server.getString("routeId")).isEqualTo("CONSOLE-PARTNER-server");
        assertThat(server.getString("path")).isEqualTo("/as2");
        assertThat(server.getInteger("port")).isEqualTo(partner.port);
        assertThat(server.getString("url")).endsWith(":" + partner.port + "/as2");
        assertThat(server.getLong("inflight")).isZero();

        JsonObject agreement = only(json.getCollection("agreements"));
        assertThat(agreement.getString("agreementId")).isEqualTo(partner.agreementId);
        assertThat(agreement.getString("serverId")).isEqualTo(partner.serverId);
        assertThat(agreement.getString("status")).isEqualTo("ACTIVE");

        JsonArray certificates = json.getCollection("certificates");
        assertThat(certificates).hasSize(4);
        for (Object c : certificates) {
            JsonObject certificate = (JsonObject) c;
            assertThat(certificate.getString("status")).isEqualTo("ACTIVE");
            // TestKeys certificates are valid for 365 days from their creation in this run
            assertThat(certificate.getLong("daysToExpiry")).isBetween(360L, 365L);
        }
        Map<String, Object> inflight = json.getMap("inflight");
        assertThat(inflight).containsEntry("receiving", 0L).containsEntry("sending", 0L);
        JsonArray recent = json.getCollection("recentTransfers");
        assertThat(recent).hasSize(2);
        assertThat(((JsonObject) recent.get(0)).getString("TransferId")).isEqualTo("t-1");
        JsonObject limited = (JsonObject) console(partner).call(DevConsole.MediaType.JSON,
                Map.of(TransferAs2DevConsole.RECENT_LIMIT, "1"));
        assertThat((JsonArray) limited.getCollection("recentTransfers")).hasSize(1);
    }

    @Test
    void jsonShowsTheSendingStationsConnectorAndItsPool() {
        JsonObject json = (JsonObject) console(mycompany).call(DevConsole.MediaType.JSON, Map.of());
        JsonObject connector = only(json.getCollection("connectors"));
        assertThat(connector.getString("connectorId")).isEqualTo(connectorId);
        assertThat(connector.getString("url")).isEqualTo(partner.url());
        assertThat(connector.getString("partnerProfileId")).isEqualTo(mycompany.partnerProfile);
        assertThat(connector.getLong("connectionsOpened")).isPositive();
        assertThat(connector.getLong("inflight")).isZero();
        assertThat(json).doesNotContainKey("recentTransfers");
    }

    @Test
    void textHasOneLinePerResourceAndNoKeyMaterial() {
        String text = (String) console(partner).call(DevConsole.MediaType.TEXT, Map.of());
        assertThat(text).contains("Servers (1):", "serverId=" + partner.serverId, "state=ONLINE",
                "port=" + partner.port, "Agreements (1):", "Certificates (4):", "daysToExpiry=",
                "Recent transfers (2):", "TransferId=t-1", "In flight: receiving=0 sending=0");
        assertThat(text).doesNotContain("PRIVATE KEY", "BEGIN");
    }

    @Test
    void serverEndpointTellsCamelGetServiceItsUrl() {
        List<EndpointServiceRegistry.EndpointService> services = partner.context.getCamelContextExtension()
                .getEndpointServiceRegistry().listAllEndpointServices();
        EndpointServiceRegistry.EndpointService in = services.stream()
                .filter(s -> "transfer-as2".equals(s.getComponent()) && "in".equals(s.getDirection()))
                .findFirst().orElseThrow();
        assertThat(in.getServiceUrl()).endsWith(":" + partner.port + "/as2");
        assertThat(in.getServiceProtocol()).isEqualTo("http");
        assertThat(in.getServiceMetadata()).containsEntry("serverId", partner.serverId);
        assertThat(in.isHostedService()).isTrue();
        assertThat(in.getRouteId()).isEqualTo("CONSOLE-PARTNER-server");

        EndpointServiceRegistry.EndpointService out = mycompany.context.getCamelContextExtension()
                .getEndpointServiceRegistry().listAllEndpointServices().stream()
                .filter(s -> s.getEndpointUri().startsWith("transfer-as2://connector")
                        || s.getEndpointUri().startsWith("transfer-as2:connector"))
                .findFirst().orElseThrow();
        assertThat(out.getServiceUrl()).isEqualTo(partner.url());
        assertThat(out.getDirection()).isEqualTo("out");
        assertThat(out.getServiceMetadata()).containsEntry("connectorId", connectorId);
    }

    private static DevConsole console(Station station) {
        return PluginHelper.getDevConsoleResolver(station.context).resolveDevConsole("transfer-as2");
    }

    private static JsonObject only(JsonArray array) {
        assertThat(array).hasSize(1);
        return (JsonObject) array.get(0);
    }
}
