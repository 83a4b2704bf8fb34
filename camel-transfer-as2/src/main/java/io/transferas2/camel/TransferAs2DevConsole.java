package io.transferas2.camel;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

import io.transferas2.model.Agreement;
import io.transferas2.model.Certificate;
import io.transferas2.model.Connector;
import io.transferas2.model.Server;
import io.transferas2.outbound.PartnerHttpClients;
import io.transferas2.registry.RegistrySnapshot;

/**
 * The station at a glance ({@code camel get transfer-as2}, {@code /q/dev/transfer-as2}, Spring Boot's
 * {@code /actuator/camel/transfer-as2}): servers with their state, route and URL, connectors with their HTTP pools,
 * agreements, certificates with the days left before they expire, messages in flight and, when a
 * {@link RecentTransfers} bean is present, the latest transfers. Never shows key material or passwords.
 */
@DevConsole(name = "transfer-as2", displayName = "Transfer Family AS2",
            description = "AS2 servers, connectors, agreements, certificates and transfers of transfer-as2")
public class TransferAs2DevConsole extends AbstractDevConsole {
    /** Option: how many recent transfers to show (default 20). */
    public static final String RECENT_LIMIT = "limit";
    private static final int DEFAULT_RECENT = 20;

    private final Clock clock;

    public TransferAs2DevConsole() {
        this(Clock.systemUTC());
    }

    TransferAs2DevConsole(Clock clock) {
        super("camel", "transfer-as2", "Transfer Family AS2",
              "AS2 servers, connectors, agreements, certificates and transfers of transfer-as2");
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        JsonArray servers = new JsonArray();
        JsonArray connectors = new JsonArray();
        JsonArray agreements = new JsonArray();
        JsonArray certificates = new JsonArray();
        for (TransferAs2Component component : components(getCamelContext())) {
            if (component.getRegistry() == null) {
                continue; // not started: no registry opened yet
            }
            RegistrySnapshot snapshot = component.getRegistry().snapshot();
            snapshot.servers().forEach(s -> servers.add(server(s)));
            snapshot.connectors().forEach(c -> connectors.add(connector(component, c)));
            snapshot.agreements().forEach(a -> agreements.add(agreement(a)));
            snapshot.certificates().forEach(c -> certificates.add(certificate(c)));
        }
        root.put("servers", servers);
        root.put("connectors", connectors);
        root.put("agreements", agreements);
        root.put("certificates", certificates);
        root.put("inflight", inflight(servers, connectors));
        RecentTransfers recent = getCamelContext().getRegistry().findSingleByType(RecentTransfers.class);
        if (recent != null) {
            JsonArray transfers = new JsonArray();
            recent.recentTransfers(limit(options)).forEach(t -> transfers.add(new JsonObject(t)));
            root.put("recentTransfers", transfers);
        }
        return root;
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        return ConsoleText.render(doCallJson(options));
    }

    private JsonObject server(Server server) {
        JsonObject json = new JsonObject();
        json.put("serverId", server.getServerId());
        json.put("state", String.valueOf(server.getState()));
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof TransferAs2ServerConsumer consumer
                && server.getServerId().equals(consumer.getEndpoint().getId())) {
                json.put("routeId", route.getRouteId());
                json.put("consumer", String.valueOf(consumer.getStatus()));
                json.put("path", consumer.path());
                String url = ServiceLocations.serverUrl(consumer);
                if (url != null) {
                    json.put("url", url);
                    json.put("port", URI.create(url).getPort());
                }
                json.put("inflight", getCamelContext().getInflightRepository().size(route.getRouteId()));
            }
        }
        return json;
    }

    private static JsonObject connector(TransferAs2Component component, Connector connector) {
        JsonObject json = new JsonObject();
        json.put("connectorId", connector.getConnectorId());
        json.put("url", connector.getUrl());
        if (connector.getAs2Config() != null) {
            json.put("localProfileId", connector.getAs2Config().getLocalProfileId());
            json.put("partnerProfileId", connector.getAs2Config().getPartnerProfileId());
        }
        PartnerHttpClients.Stats stats = component.connectorStats(connector.getConnectorId());
        json.put("inflight", stats == null ? 0 : stats.leased());
        if (stats != null) {
            json.put("connectionsOpened", stats.connectionsOpened());
            json.put("connectionsIdle", stats.available());
        }
        return json;
    }

    private static JsonObject agreement(Agreement agreement) {
        JsonObject json = new JsonObject();
        json.put("agreementId", agreement.getAgreementId());
        json.put("serverId", agreement.getServerId());
        json.put("status", String.valueOf(agreement.getStatus()));
        json.put("localProfileId", agreement.getLocalProfileId());
        json.put("partnerProfileId", agreement.getPartnerProfileId());
        json.put("baseDirectory", agreement.getBaseDirectory());
        return json;
    }

    private JsonObject certificate(Certificate certificate) {
        JsonObject json = new JsonObject();
        json.put("certificateId", certificate.getCertificateId());
        json.put("usage", String.valueOf(certificate.getUsage()));
        json.put("status", String.valueOf(certificate.getStatus()));
        Instant notAfter = certificate.getNotAfterDate();
        if (notAfter != null) {
            json.put("notAfterDate", notAfter.toString());
            json.put("daysToExpiry", Duration.between(clock.instant(), notAfter).toDays());
        }
        if (certificate.getDescription() != null) {
            json.put("description", certificate.getDescription());
        }
        return json;
    }

    private static JsonObject inflight(JsonArray servers, JsonArray connectors) {
        long receiving = 0;
        for (Object server : servers) {
            receiving += ((JsonObject) server).getLongOrDefault("inflight", 0);
        }
        long sending = 0;
        for (Object connector : connectors) {
            sending += ((JsonObject) connector).getLongOrDefault("inflight", 0);
        }
        JsonObject json = new JsonObject();
        json.put("receiving", receiving);
        json.put("sending", sending);
        return json;
    }

    private static int limit(Map<String, Object> options) {
        Object value = options == null ? null : options.get(RECENT_LIMIT);
        if (value == null) {
            return DEFAULT_RECENT;
        }
        try {
            return Math.max(1, Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_RECENT;
        }
    }

    static List<TransferAs2Component> components(CamelContext context) {
        List<TransferAs2Component> found = new ArrayList<>();
        for (String name : context.getComponentNames()) {
            Component component = context.hasComponent(name);
            if (component instanceof TransferAs2Component as2) {
                found.add(as2);
            }
        }
        return found;
    }
}
