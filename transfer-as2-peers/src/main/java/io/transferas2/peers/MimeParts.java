package io.transferas2.peers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A byte-exact MIME splitter for small, bounded entities such as MDNs. It keeps each part's raw bytes, which a
 * signature check needs, and tolerates LF-only line ends.
 */
final class MimeParts {

    private MimeParts() {
    }

    /** One MIME entity: unfolded headers (lower-case names) and the raw body. */
    record Part(byte[] raw, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String contentType() {
            String ct = header("Content-Type");
            return ct == null ? "text/plain" : ct;
        }

        /** The body with its Content-Transfer-Encoding removed (base64 only; others are identity). */
        byte[] decodedBody() {
            String cte = header("Content-Transfer-Encoding");
            if (cte != null && cte.trim().equalsIgnoreCase("base64")) {
                return Base64.getMimeDecoder().decode(body);
            }
            return body;
        }
    }

    /** Parses {@code raw} as a MIME part with headers. */
    static Part parsePart(byte[] raw) {
        int headerEnd = -1;
        int bodyStart = raw.length;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                // an empty line: "\n\n" or "\n\r\n"
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    headerEnd = i + 1;
                    bodyStart = i + 2;
                    break;
                }
                if (i + 2 < raw.length && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
                    headerEnd = i + 1;
                    bodyStart = i + 3;
                    break;
                }
            }
        }
        if (raw.length > 0 && (raw[0] == '\n' || raw.length > 1 && raw[0] == '\r' && raw[1] == '\n')) {
            // no headers at all
            headerEnd = 0;
            bodyStart = raw[0] == '\n' ? 1 : 2;
        }
        Map<String, String> headers = headerEnd < 0
                ? parseFields(new String(raw, StandardCharsets.ISO_8859_1))
                : parseFields(new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1));
        byte[] body = headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
        return new Part(raw, headers, body);
    }

    /** RFC 822 style fields ({@code Name: value}, continuation lines folded in), lower-case names. */
    static Map<String, String> parseFields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.trim());
                continue;
            }
            if (name != null) {
                fields.putIfAbsent(name, value.toString().trim());
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            fields.putIfAbsent(name, value.toString().trim());
        }
        return fields;
    }

    /** The value of {@code parameter} in a header such as Content-Type, unquoted; {@code null} if absent. */
    static String parameter(String header, String parameter) {
        if (header == null) {
            return null;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        String key = parameter.toLowerCase(Locale.ROOT) + "=";
        int from = 0;
        while (true) {
            int at = lower.indexOf(key, from);
            if (at < 0) {
                return null;
            }
            char before = at == 0 ? ';' : lower.charAt(at - 1);
            if (before == ';' || before == ' ' || before == '\t') {
                int start = at + key.length();
                if (start < header.length() && header.charAt(start) == '"') {
                    int end = header.indexOf('"', start + 1);
                    return header.substring(start + 1, end < 0 ? header.length() : end);
                }
                int end = header.indexOf(';', start);
                return header.substring(start, end < 0 ? header.length() : end).trim();
            }
            from = at + 1;
        }
    }

    /** The media type without parameters, lower-case. */
    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The raw body parts of a multipart body, each without the line break that precedes the next delimiter. */
    static List<byte[]> split(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + delimiter.length <= body.length; i++) {
            if ((i == 0 || body[i - 1] == '\n') && regionMatches(body, i, delimiter)) {
                starts.add(i);
                i += delimiter.length - 1;
            }
        }
        List<byte[]> parts = new ArrayList<>();
        for (int k = 0; k + 1 < starts.size(); k++) {
            int lineEnd = indexOf(body, (byte) '\n', starts.get(k));
            if (lineEnd < 0) {
                break;
            }
            int partStart = lineEnd + 1;
            int partEnd = starts.get(k + 1) - 1; // the '\n' before the next delimiter
            if (partEnd > partStart && body[partEnd - 1] == '\r') {
                partEnd--;
            }
            parts.add(java.util.Arrays.copyOfRange(body, partStart, Math.max(partStart, partEnd)));
        }
        return parts;
    }

    private static boolean regionMatches(byte[] data, int offset, byte[] expected) {
        for (int j = 0; j < expected.length; j++) {
            if (data[offset + j] != expected[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte value, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
