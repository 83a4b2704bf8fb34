package io.transferas2.inbound;

import java.util.Locale;
import java.util.Map;

/**
 * Who sent a request and whether it came over HTTPS: direct TLS on this server, or {@code X-Forwarded-Proto: https}
 * from a trusted proxy. Behind trusted proxies the client address is the right-most {@code X-Forwarded-For} entry
 * that is not itself a trusted proxy.
 *
 * @param clientIp the partner's address as far as it can be known, or null
 * @param https    true when the partner's connection was encrypted up to a point we trust
 */
public record RequestOrigin(String clientIp, boolean https) {

    /** The origin of {@code request} given the trusted proxies. */
    public static RequestOrigin of(InboundHttpRequest request, TrustedProxies proxies) {
        String peer = request.remoteAddress();
        if (peer == null || !proxies.trusts(peer)) {
            return new RequestOrigin(peer, request.secure());
        }
        Map<String, String> headers = request.headers();
        String proto = header(headers, "X-Forwarded-Proto");
        boolean https = request.secure();
        if (proto != null) {
            String first = proto.split(",")[0].strip().toLowerCase(Locale.ROOT);
            https = "https".equals(first);
        }
        String client = peer;
        String forwarded = header(headers, "X-Forwarded-For");
        if (forwarded != null) {
            String[] hops = forwarded.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (TrustedProxies.literal(hop) == null) {
                    break;
                }
                client = hop;
                if (!proxies.trusts(hop)) {
                    break;
                }
            }
        }
        return new RequestOrigin(client, https);
    }

    static String header(Map<String, String> headers, String name) {
        String v = headers.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
