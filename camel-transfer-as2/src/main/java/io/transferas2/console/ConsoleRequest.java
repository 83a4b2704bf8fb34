package io.transferas2.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP request to the console, independent of the HTTP server that carried it.
 *
 * @param method  GET, POST, ...
 * @param path    the path below the console's root, starting with {@code /} (e.g. {@code /transfers})
 * @param query   query parameters (first value of each)
 * @param form    form fields of an {@code application/x-www-form-urlencoded} POST
 * @param cookies cookies sent
 * @param headers request headers, names in lower case
 * @param https   whether the request reached the station over HTTPS (directly or, per X-Forwarded-Proto, through a
 *                TLS proxy)
 */
public record ConsoleRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                             Map<String, String> cookies, Map<String, String> headers, boolean https) {

    public String param(String name) {
        String v = query.get(name);
        if (v == null) {
            v = form.get(name);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public boolean isPost() {
        return "POST".equalsIgnoreCase(method);
    }

    /** Parses {@code a=1&b=2} (query strings and form bodies). */
    public static Map<String, String> parseForm(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    /** Parses a Cookie header. */
    public static Map<String, String> parseCookies(String header) {
        Map<String, String> cookies = new LinkedHashMap<>();
        if (header == null) {
            return cookies;
        }
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                cookies.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return cookies;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
