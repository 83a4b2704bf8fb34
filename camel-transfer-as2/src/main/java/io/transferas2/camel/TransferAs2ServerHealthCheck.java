package io.transferas2.camel;

import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;

import io.transferas2.model.Agreement;
import io.transferas2.model.Server;
import io.transferas2.registry.Page;
import io.transferas2.registry.ResourceNotFoundException;
import io.transferas2.registry.TransferRegistry;

/**
 * Readiness of a server consumer: DOWN until its HTTP route is registered on platform-http, while the server does
 * not exist in the registry, and while its State is not ONLINE (requests then answer 503). Details name the server,
 * its state, the path and the number of ACTIVE agreements served.
 */
final class TransferAs2ServerHealthCheck implements HealthCheck {
    private final TransferAs2ServerConsumer consumer;
    private final String id;
    private boolean enabled = true;

    TransferAs2ServerHealthCheck(TransferAs2ServerConsumer consumer, String routeId) {
        this.consumer = consumer;
        this.id = "consumer:transfer-as2-" + routeId;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        String serverId = consumer.getEndpoint().getId();
        builder.detail("server.id", serverId).detail("path", consumer.path());
        if (!consumer.isHttpRouteRegistered()) {
            return builder.down().message("the AS2 HTTP route is not registered on platform-http").build();
        }
        TransferRegistry registry = consumer.getEndpoint().getComponent().transferRegistry();
        Server server;
        try {
            server = registry.describeServer(serverId);
        } catch (ResourceNotFoundException e) {
            return builder.down().message("server " + serverId + " does not exist in the registry").build();
        }
        builder.detail("server.state", server.getState() == null ? "ONLINE" : server.getState().name());
        if (!server.isOnline()) {
            return builder.down().message("server " + serverId + " is " + server.getState()
                    + ": AS2 requests answer 503").build();
        }
        builder.detail("agreements.active", activeAgreements(registry, serverId));
        List<String> missingKeys = missingKeys(registry, serverId);
        if (!missingKeys.isEmpty()) {
            builder.detail("localProfiles.missingPrivateKeys", String.join("; ", missingKeys));
            return builder.down().message(String.join("; ", missingKeys)).build();
        }
        return builder.up().build();
    }

    /** LOCAL profiles of this server's ACTIVE agreements that cannot decrypt or sign MDNs: no private key. */
    private static List<String> missingKeys(TransferRegistry registry, String serverId) {
        java.util.Set<String> localProfiles = new java.util.HashSet<>();
        String token = null;
        do {
            Page<Agreement> page = registry.listAgreements(serverId, 1000, token);
            page.items().stream().filter(Agreement::isActive).forEach(a -> localProfiles.add(a.getLocalProfileId()));
            token = page.nextToken();
        } while (token != null);
        return io.transferas2.registry.MissingPrivateKeys.in(registry).stream()
                .filter(f -> localProfiles.contains(f.profileId())).map(Object::toString).toList();
    }

    private static int activeAgreements(TransferRegistry registry, String serverId) {
        int count = 0;
        String token = null;
        do {
            Page<Agreement> page = registry.listAgreements(serverId, 1000, token);
            count += (int) page.items().stream().filter(Agreement::isActive).count();
            token = page.nextToken();
        } while (token != null);
        return count;
    }
}
