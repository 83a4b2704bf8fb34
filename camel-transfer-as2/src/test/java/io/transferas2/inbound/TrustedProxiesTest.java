package io.transferas2.inbound;

import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    @Test
    void addressesAndRanges() {
        TrustedProxies p = TrustedProxies.parse("10.0.0.5, 192.168.0.0/16, fd00::/8");
        assertThat(p.trusts("10.0.0.5")).isTrue();
        assertThat(p.trusts("10.0.0.6")).isFalse();
        assertThat(p.trusts("192.168.44.1")).isTrue();
        assertThat(p.trusts("192.169.0.1")).isFalse();
        assertThat(p.trusts("fd12::1")).isTrue();
        assertThat(p.trusts("[fd12::1]")).isTrue();
        assertThat(p.trusts("::ffff:10.0.0.5")).isTrue();
        assertThat(p.trusts("proxy.example")).isFalse();
        assertThat(TrustedProxies.parse("10.1.2.3/20").trusts("10.1.15.255")).isTrue();
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
    }

    @Test
    void refusesHostNamesAndBadPrefixes() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
    }

    @Test
    void originBelievesForwardedHeadersOnlyFromTrustedProxies() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.5");
        Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.put("X-Forwarded-Proto", "https");
        h.put("X-Forwarded-For", "198.51.100.9, 203.0.113.7, 10.0.0.5");
        assertThat(RequestOrigin.of(request("10.0.0.5", h, false), proxies))
                .isEqualTo(new RequestOrigin("203.0.113.7", true));
        assertThat(RequestOrigin.of(request("10.0.0.6", h, false), proxies))
                .isEqualTo(new RequestOrigin("10.0.0.6", false));
        assertThat(RequestOrigin.of(request("10.0.0.6", Map.of(), true), proxies))
                .isEqualTo(new RequestOrigin("10.0.0.6", true));
        h.put("X-Forwarded-Proto", "http");
        assertThat(RequestOrigin.of(request("10.0.0.5", h, true), proxies).https()).isFalse();
    }

    private static InboundHttpRequest request(String remote, Map<String, String> headers, boolean secure) {
        return new InboundHttpRequest() {
            @Override
            public String method() {
                return "POST";
            }

            @Override
            public Map<String, String> headers() {
                return headers;
            }

            @Override
            public String remoteAddress() {
                return remote;
            }

            @Override
            public boolean secure() {
                return secure;
            }

            @Override
            public InputStream openBody() {
                return InputStream.nullInputStream();
            }

            @Override
            public boolean bodyConsumed() {
                return true;
            }

            @Override
            public void closeConnectionAfterResponse() {
            }
        };
    }
}
