package io.transferas2.camel;

import java.net.URI;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.EndpointServiceLocation;

import io.transferas2.registry.TransferRegistry;
import io.transferas2.registry.TransferServiceException;

/**
 * What {@code camel get service} and the dev console show for a transfer-as2 endpoint: a server's URL is the one its
 * platform-http server serves the consumer on; a connector's is its partner's URL from the registry. Null when not
 * known (not started, or missing from the registry).
 */
final class ServiceLocations {
    private ServiceLocations() {
    }

    static String url(TransferAs2Endpoint endpoint) {
        return switch (endpoint.endpointType()) {
            case SERVER -> {
                TransferAs2ServerConsumer consumer = serverConsumer(endpoint);
                yield consumer == null ? null : serverUrl(consumer);
            }
            case CONNECTOR -> connectorUrl(endpoint);
            default -> null;
        };
    }

    static String protocol(TransferAs2Endpoint endpoint) {
        if (endpoint.endpointType() == EndpointType.SERVER) {
            EndpointServiceLocation location = serverLocation(endpoint);
            return location == null ? "http" : location.getServiceProtocol();
        }
        String url = connectorUrl(endpoint);
        return url == null ? "http" : URI.create(url).getScheme();
    }

    static Map<String, String> metadata(TransferAs2Endpoint endpoint) {
        if (endpoint.getId() == null) {
            return null;
        }
        return endpoint.endpointType() == EndpointType.SERVER ? Map.of("serverId", endpoint.getId())
                : Map.of("connectorId", endpoint.getId());
    }

    /** The URL partners post to: the platform-http server's address and the consumer's path. */
    static String serverUrl(TransferAs2ServerConsumer consumer) {
        EndpointServiceLocation location = consumer.serviceLocation();
        String base = location == null ? null : location.getServiceUrl();
        if (base == null || consumer.path() == null || base.endsWith(consumer.path())) {
            return base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + consumer.path();
    }

    private static EndpointServiceLocation serverLocation(TransferAs2Endpoint endpoint) {
        TransferAs2ServerConsumer consumer = serverConsumer(endpoint);
        return consumer == null ? null : consumer.serviceLocation();
    }

    private static TransferAs2ServerConsumer serverConsumer(TransferAs2Endpoint endpoint) {
        for (Route route : endpoint.getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof TransferAs2ServerConsumer consumer
                && consumer.getEndpoint() == endpoint) {
                return consumer;
            }
        }
        return null;
    }

    private static String connectorUrl(TransferAs2Endpoint endpoint) {
        TransferRegistry registry = endpoint.getComponent().getRegistry();
        if (registry == null || endpoint.getId() == null) {
            return null;
        }
        try {
            return registry.describeConnector(endpoint.getId()).getUrl();
        } catch (TransferServiceException | IllegalArgumentException e) {
            return null;
        }
    }
}
