package io.transferas2.inbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The proxies (TLS terminators, load balancers) whose {@code X-Forwarded-Proto} and {@code X-Forwarded-For} headers
 * are believed: IP addresses or CIDR ranges, IPv4 or IPv6, comma separated. From anyone else those headers are
 * ignored, so a client cannot claim HTTPS or another address by sending them.
 */
public final class TrustedProxies {
    private static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** No trusted proxies. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** Parses {@code 10.0.0.5, 10.1.0.0/16, ::1}; null or blank means none. */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            byte[] address = literal(slash < 0 ? s : s.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("trustedProxies: '" + s + "' is not an IP address or CIDR range");
            }
            int bits = address.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("trustedProxies: bad prefix length in '" + s + "'");
                }
            }
            ranges.add(new Range(address, bits));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** True when {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        byte[] bytes = literal(address);
        if (bytes == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal's bytes without any DNS lookup, or null when it is not one. */
    static byte[] literal(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        if (t.isEmpty() || !t.toLowerCase(Locale.ROOT).chars().allMatch(c -> c >= '0' && c <= '9'
                || c >= 'a' && c <= 'f' || c == '.' || c == ':')) {
            return null;
        }
        if (t.indexOf(':') < 0 && t.chars().filter(c -> c == '.').count() != 3) {
            return null;
        }
        try {
            byte[] b = InetAddress.getByName(t).getAddress();
            if (b.length == 16 && isV4Mapped(b)) {
                byte[] v4 = new byte[4];
                System.arraycopy(b, 12, v4, 0, 4);
                return v4;
            }
            return b;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isV4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    @Override
    public String toString() {
        return "TrustedProxies" + ranges;
    }

    private record Range(byte[] address, int bits) {
        boolean contains(byte[] candidate) {
            if (candidate.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (candidate[full] & mask) == (address[full] & mask);
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(address).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                return "?/" + bits;
            }
        }
    }
}
