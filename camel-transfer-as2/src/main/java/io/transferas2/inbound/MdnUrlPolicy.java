package io.transferas2.inbound;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.transferas2.model.Agreement;
import io.transferas2.model.Connector;
import io.transferas2.registry.Page;
import io.transferas2.registry.TransferRegistry;

/**
 * Where asynchronous MDNs may be sent, so that a partner's {@code Receipt-Delivery-Option} cannot make the server
 * POST to arbitrary hosts and ports (SSRF). A URL is allowed when it is {@code http} or {@code https} without user
 * info, and
 * <ul>
 * <li>its host and port are those of one of our connectors to the same partner profile (the partner's known AS2
 * endpoint), or</li>
 * <li>its host is such a connector's host or listed in {@code asyncMdnAllowedHosts}, and its port is 80, 443 or
 * listed in {@code asyncMdnAllowedPorts};</li>
 * <li>and in every case it is not one of the station's own listeners: a loopback, wildcard or local-interface
 * address (or {@code localhost}) with the port of the station's HTTP server, its management port, the port the
 * request came in on, or the embedded S3 server's port.</li>
 * </ul>
 * Hosts compare case-insensitively and exactly: no wildcards, no DNS. Connectors to other partners do not count, so
 * one partner cannot have its MDNs delivered to another partner's endpoint.
 */
public final class MdnUrlPolicy {
    /** System property listing the ports of in-process servers the station runs (the embedded S3 adds its own). */
    public static final String LOCAL_SERVICE_PORTS_PROPERTY = "transferas2.local-service-ports";
    private static final Set<Integer> WEB_PORTS = Set.of(80, 443);

    private final TransferRegistry registry;
    private final Set<String> explicitHosts;
    private final Set<Integer> explicitPorts;
    private final Supplier<Set<Integer>> stationPorts;
    private final Set<String> localAddresses = localAddresses();

    public MdnUrlPolicy(TransferRegistry registry, String allowedHosts) {
        this(registry, allowedHosts, null, Set::of);
    }

    /**
     * @param allowedHosts  further hosts, comma separated
     * @param allowedPorts  further ports, comma separated, for allowed hosts besides 80 and 443
     * @param stationPorts  the ports the station itself listens on (HTTP server, management); the embedded S3's are
     *                      added from {@link #LOCAL_SERVICE_PORTS_PROPERTY}
     */
    public MdnUrlPolicy(TransferRegistry registry, String allowedHosts, String allowedPorts,
                        Supplier<Set<Integer>> stationPorts) {
        this.registry = registry;
        Set<String> hosts = new HashSet<>();
        if (allowedHosts != null) {
            for (String h : allowedHosts.split(",")) {
                String t = normalise(h);
                if (!t.isEmpty()) {
                    hosts.add(t);
                }
            }
        }
        this.explicitHosts = Set.copyOf(hosts);
        this.explicitPorts = Set.copyOf(ports(allowedPorts, "asyncMdnAllowedPorts"));
        this.stationPorts = stationPorts;
    }

    /** The URL to POST the MDN to; see {@link #check(String, Agreement, int)}. */
    public URI check(String receiptDeliveryOption, Agreement agreement) {
        return check(receiptDeliveryOption, agreement, -1);
    }

    /**
     * The URL to POST the MDN to.
     *
     * @param requestPort the local port the request arrived on (a station listener), or -1
     * @throws IllegalArgumentException naming why the URL is refused
     */
    public URI check(String receiptDeliveryOption, Agreement agreement, int requestPort) {
        URI uri;
        try {
            uri = new URI(receiptDeliveryOption.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Receipt-Delivery-Option is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Receipt-Delivery-Option must be an http or https URL (SMTP/mailto"
                    + " receipts are not supported)");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null) {
            throw new IllegalArgumentException("Receipt-Delivery-Option must name a host and no user info");
        }
        String host = normalise(uri.getHost());
        int port = port(uri);
        if (isLocal(host) && ownPorts(requestPort).contains(port)) {
            throw new IllegalArgumentException("Receipt-Delivery-Option " + host + ":" + port + " is not allowed: it"
                    + " is one of this station's own listeners");
        }
        Set<String> connectorEndpoints = new HashSet<>();
        Set<String> connectorHosts = new HashSet<>();
        for (URI c : partnerConnectorUrls(agreement.getPartnerProfileId())) {
            String h = normalise(c.getHost());
            connectorHosts.add(h);
            connectorEndpoints.add(h + ":" + port(c));
        }
        if (connectorEndpoints.contains(host + ":" + port)) {
            return uri;
        }
        if (!explicitHosts.contains(host) && !connectorHosts.contains(host)) {
            throw new IllegalArgumentException("Receipt-Delivery-Option host " + host + " is not allowed: it is"
                    + " neither the host of a connector to this partner nor listed in asyncMdnAllowedHosts");
        }
        if (WEB_PORTS.contains(port) || explicitPorts.contains(port)) {
            return uri;
        }
        throw new IllegalArgumentException("Receipt-Delivery-Option port " + port + " on " + host + " is not"
                + " allowed: only the port of a connector to this partner on that host, 80, 443 or a port listed in"
                + " asyncMdnAllowedPorts");
    }

    private Set<Integer> ownPorts(int requestPort) {
        Set<Integer> own = new HashSet<>(stationPorts.get());
        if (requestPort > 0) {
            own.add(requestPort);
        }
        own.addAll(ports(System.getProperty(LOCAL_SERVICE_PORTS_PROPERTY), LOCAL_SERVICE_PORTS_PROPERTY));
        return own;
    }

    private boolean isLocal(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || localAddresses.contains(host)) {
            return true;
        }
        InetAddress literal = literal(host);
        return literal != null && (literal.isLoopbackAddress() || literal.isAnyLocalAddress()
                || localAddresses.contains(literal.getHostAddress()));
    }

    /** The address of an IP literal, or null for a host name (never resolved). */
    private static InetAddress literal(String host) {
        boolean ipv4 = host.matches("[0-9.]+");
        boolean ipv6 = host.contains(":") && host.matches("[0-9a-fA-F:.%a-zA-Z0-9]+");
        if (!ipv4 && !ipv6) {
            return null;
        }
        try {
            return InetAddress.getByName(host);   // a literal: no lookup happens
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static Set<String> localAddresses() {
        Set<String> addresses = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    String s = a.getHostAddress();
                    int zone = s.indexOf('%');
                    addresses.add(normalise(zone < 0 ? s : s.substring(0, zone)));
                }
            }
        } catch (SocketException | RuntimeException e) {
            // without the list, loopback and wildcard addresses are still recognised
        }
        return Set.copyOf(addresses);
    }

    private Set<URI> partnerConnectorUrls(String partnerProfileId) {
        Set<URI> urls = new HashSet<>();
        String token = null;
        do {
            Page<Connector> page = registry.listConnectors(1000, token);
            for (Connector c : page.items()) {
                if (c.getAs2Config() != null && partnerProfileId.equals(c.getAs2Config().getPartnerProfileId())
                        && c.getUrl() != null) {
                    try {
                        URI u = new URI(c.getUrl());
                        if (u.getHost() != null) {
                            urls.add(u);
                        }
                    } catch (URISyntaxException e) {
                        // the registry validates URLs; a bad one simply allows nothing
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        return urls;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Set<Integer> ports(String list, String what) {
        Set<Integer> ports = new HashSet<>();
        if (list != null) {
            for (String p : list.split(",")) {
                String t = p.strip();
                if (!t.isEmpty()) {
                    try {
                        ports.add(Integer.parseInt(t));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(what + ": '" + t + "' is not a port number");
                    }
                }
            }
        }
        return ports;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
