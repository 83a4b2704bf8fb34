package io.transferas2.peers;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP request as a harness server saw it, recorded before the peer processes it (so also for requests the
 * peer rejects).
 *
 * @param method     HTTP method
 * @param path       request path
 * @param headers    header values by case-insensitive name, in arrival order
 * @param receivedAt when the request head was read
 */
public record RecordedRequest(String method, String path, Map<String, List<String>> headers, Instant receivedAt) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> {
            java.util.List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** The first value of {@code name}, or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
