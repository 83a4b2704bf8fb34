package io.transferas2.as2;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a MIME header block: lines end in CRLF or bare LF, names in any case, folded lines unfolded, and each line,
 * the field count and the block are bounded by {@link As2Limits}.
 */
final class HeaderReader {
    private static final int SNIFF_BYTES = 32 * 1024;

    private HeaderReader() {
    }

    /** Reads the header block and the blank line after it; at end of input the block simply ends. */
    static MimeHeaders read(MimeInput in, As2Limits limits) throws IOException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        StringBuilder current = null;
        String currentName = null;
        while (true) {
            String line = readLine(in, limits.maxHeaderLineLength());
            if (line == null || line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && current != null) {
                current.append(line);
                continue;
            }
            if (currentName != null) {
                fields.add(Map.entry(currentName, current.toString().trim()));
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line, colon)) {
                throw Failures.invalidRequest("malformed MIME header line: "
                        + printable(line.substring(0, Math.min(line.length(), 60))));
            }
            if (fields.size() + 1 > limits.maxHeaderCount()) {
                throw Failures.invalidRequest("more than " + limits.maxHeaderCount()
                        + " header fields in one MIME header block (maxHeaderCount)");
            }
            currentName = line.substring(0, colon).trim();
            current = new StringBuilder(line.substring(colon + 1));
        }
        if (currentName != null) {
            fields.add(Map.entry(currentName, current.toString().trim()));
        }
        return new MimeHeaders(fields);
    }

    /**
     * True when the input starts with a MIME header block: header lines, then a blank line, with at least one
     * {@code Content-*} or {@code MIME-Version} field. Encrypted content without inner headers (Mendelson can send
     * that) fails the test and is taken as the raw payload.
     */
    static boolean startsWithHeaders(MimeInput in) throws IOException {
        int available = in.fill(SNIFF_BYTES);
        byte[] b = in.array();
        int start = in.position();
        int end = start + available;
        int i = start;
        boolean mimeField = false;
        boolean any = false;
        while (i < end) {
            int eol = i;
            while (eol < end && b[eol] != '\n') {
                eol++;
            }
            if (eol >= end) {
                return false;
            }
            int lineEnd = eol > i && b[eol - 1] == '\r' ? eol - 1 : eol;
            if (lineEnd == i) {
                return any && mimeField;
            }
            if (b[i] == ' ' || b[i] == '\t') {
                if (!any) {
                    return false;
                }
            } else {
                int colon = i;
                while (colon < lineEnd && b[colon] != ':') {
                    if (!isTokenChar(b[colon])) {
                        return false;
                    }
                    colon++;
                }
                if (colon == i || colon >= lineEnd) {
                    return false;
                }
                String name = new String(b, i, colon - i, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                mimeField |= name.startsWith("content-") || name.equals("mime-version");
                any = true;
            }
            i = eol + 1;
        }
        return false;
    }

    /** One line without its terminator; null at end of input. */
    static String readLine(MimeInput in, int maxLength) throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (in.fill(1) == 0) {
                return sb == null ? null : strip(sb);
            }
            byte[] b = in.array();
            int p = in.position();
            int l = in.limit();
            int eol = p;
            while (eol < l && b[eol] != '\n') {
                eol++;
            }
            int len = eol - p;
            if (sb == null) {
                sb = new StringBuilder(Math.min(len, 256));
            }
            if (sb.length() + len > maxLength + 1) {
                throw Failures.invalidRequest("MIME header line longer than " + maxLength
                        + " bytes (maxHeaderLineLength)");
            }
            sb.append(new String(b, p, len, StandardCharsets.ISO_8859_1));
            if (eol < l) {
                in.skipBuffered(len + 1);
                return strip(sb);
            }
            in.skipBuffered(len);
        }
    }

    private static String strip(StringBuilder sb) {
        int n = sb.length();
        if (n > 0 && sb.charAt(n - 1) == '\r') {
            sb.setLength(n - 1);
        }
        return sb.toString();
    }

    private static boolean isToken(String line, int colon) {
        for (int i = 0; i < colon; i++) {
            if (!isTokenChar((byte) line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(byte c) {
        return c > 32 && c < 127 && c != ':';
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
