package io.transferas2.inbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.transferas2.model.Agreement;
import io.transferas2.model.Connector;
import io.transferas2.registry.Page;
import io.transferas2.registry.TransferRegistry;

/**
 * Where asynchronous MDNs may be sent, so that a partner's {@code Receipt-Delivery-Option} cannot make the server
 * POST to arbitrary hosts (SSRF). A URL is allowed when it is {@code http} or {@code https} without user info and its
 * host is either the host of one of our connectors to the same partner profile (the partner's known AS2 endpoint) or
 * listed in {@code asyncMdnAllowedHosts}. Hosts compare case-insensitively and exactly: no wildcards, no DNS.
 */
public final class MdnUrlPolicy {
    private final TransferRegistry registry;
    private final Set<String> explicitHosts;

    public MdnUrlPolicy(TransferRegistry registry, String allowedHosts) {
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
    }

    /**
     * The URL to POST the MDN to.
     *
     * @throws IllegalArgumentException naming why the URL is refused
     */
    public URI check(String receiptDeliveryOption, Agreement agreement) {
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
        if (explicitHosts.contains(host) || partnerConnectorHosts(agreement.getPartnerProfileId()).contains(host)) {
            return uri;
        }
        throw new IllegalArgumentException("Receipt-Delivery-Option host " + host + " is not allowed: it is neither"
                + " the host of a connector to this partner nor listed in asyncMdnAllowedHosts");
    }

    private Set<String> partnerConnectorHosts(String partnerProfileId) {
        Set<String> hosts = new HashSet<>();
        String token = null;
        do {
            Page<Connector> page = registry.listConnectors(1000, token);
            for (Connector c : page.items()) {
                if (c.getAs2Config() != null && partnerProfileId.equals(c.getAs2Config().getPartnerProfileId())
                        && c.getUrl() != null) {
                    try {
                        String h = new URI(c.getUrl()).getHost();
                        if (h != null) {
                            hosts.add(normalise(h));
                        }
                    } catch (URISyntaxException e) {
                        // the registry validates URLs; a bad one simply allows nothing
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        return hosts;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
