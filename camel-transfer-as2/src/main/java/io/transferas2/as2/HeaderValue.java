package io.transferas2.as2;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A structured header value such as {@code multipart/signed; protocol="application/pkcs7-signature"; micalg=sha-256}
 * or {@code attachment; filename="a.edi"}: the main value plus parameters. Parsing is lenient: parameter names in
 * any case, quoted or bare values, stray semicolons and whitespace, RFC 2231 {@code name*=charset''value}.
 */
final class HeaderValue {
    private final String value;
    private final Map<String, String> params;

    private HeaderValue(String value, Map<String, String> params) {
        this.value = value;
        this.params = Collections.unmodifiableMap(params);
    }

    static HeaderValue parse(String header) {
        if (header == null) {
            return new HeaderValue("", Map.of());
        }
        int i = 0;
        int n = header.length();
        int semi = indexOfUnquoted(header, ';', 0);
        String main = (semi < 0 ? header : header.substring(0, semi)).trim();
        Map<String, String> params = new LinkedHashMap<>();
        i = semi < 0 ? n : semi + 1;
        while (i < n) {
            int end = indexOfUnquoted(header, ';', i);
            if (end < 0) {
                end = n;
            }
            String p = header.substring(i, end).trim();
            i = end + 1;
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String raw = p.substring(eq + 1).trim();
            String v = unquote(raw);
            if (name.endsWith("*")) {
                name = name.substring(0, name.length() - 1);
                v = decodeRfc2231(v);
            } else if (params.containsKey(name)) {
                continue;
            }
            params.put(name, v);
        }
        return new HeaderValue(main, params);
    }

    /** The main value as written, e.g. {@code multipart/signed}. */
    String value() {
        return value;
    }

    /** The main value in lower case, for media type comparisons. */
    String lowerValue() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** A parameter by case-insensitive name, or null. */
    String param(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    private static int indexOfUnquoted(String s, char c, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && quoted) {
                i++;
            } else if (ch == c && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String raw) {
        if (raw.length() >= 2 && raw.charAt(0) == '"') {
            int end = raw.lastIndexOf('"');
            String inner = end > 0 ? raw.substring(1, end) : raw.substring(1);
            StringBuilder sb = new StringBuilder(inner.length());
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c == '\\' && i + 1 < inner.length()) {
                    c = inner.charAt(++i);
                }
                sb.append(c);
            }
            return sb.toString();
        }
        return raw;
    }

    private static String decodeRfc2231(String v) {
        int first = v.indexOf('\'');
        int second = first < 0 ? -1 : v.indexOf('\'', first + 1);
        if (second < 0) {
            return v;
        }
        Charset cs;
        try {
            cs = Charset.forName(v.substring(0, first));
        } catch (RuntimeException e) {
            cs = StandardCharsets.UTF_8;
        }
        try {
            return URLDecoder.decode(v.substring(second + 1).replace("+", "%2B"), cs);
        } catch (IllegalArgumentException e) {
            return v.substring(second + 1);
        }
    }

    /** Quotes a parameter value for writing: always quoted, with quotes and backslashes escaped. */
    static String quote(String v) {
        return '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
