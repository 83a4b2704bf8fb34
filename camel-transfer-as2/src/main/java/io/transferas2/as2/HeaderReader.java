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

    /**
     * True when the entity starts with a MIME header block, decided by its whole structure rather than a window: the
     * lines are read ahead (without consuming them) up to the blank line that ends the block, so a block of any size
     * within the limits is recognised. A line that is not a header line means "no headers" (a bare payload, as
     * Mendelson can encrypt); a block that is header lines but passes {@code maxHeaderLineLength} or
     * {@code maxHeaderCount} is refused with INVALID_REQUEST instead of being taken for payload bytes.
     */
    static boolean startsWithHeaders(MimeInput in, As2Limits limits) throws IOException {
        int offset = 0;
        int fields = 0;
        boolean mimeField = false;
        while (true) {
            int lineStart = offset;
            int scanned = lineStart;
            int eol;
            while (true) {
                int available = in.fill(scanned + 1);
                while (scanned < available && in.peek(scanned) != '\n') {
                    scanned++;
                }
                if (scanned < available) {
                    eol = scanned;
                    break;
                }
                if (in.sourceEnded()) {
                    return false;   // the entity ends inside its first lines: no header block
                }
                if (scanned - lineStart > limits.maxHeaderLineLength() + 1) {
                    return refuseLongLine(in, lineStart, scanned, fields, limits);
                }
            }
            int lineEnd = eol > lineStart && in.peek(eol - 1) == '\r' ? eol - 1 : eol;
            if (lineEnd == lineStart) {
                return fields > 0 && mimeField;
            }
            if (lineEnd - lineStart > limits.maxHeaderLineLength()) {
                return refuseLongLine(in, lineStart, lineEnd, fields, limits);
            }
            int first = in.peek(lineStart);
            if (first == ' ' || first == '\t') {
                if (fields == 0) {
                    return false;
                }
            } else {
                int colon = lineStart;
                while (colon < lineEnd && in.peek(colon) != ':') {
                    if (!isTokenChar((byte) in.peek(colon))) {
                        return false;
                    }
                    colon++;
                }
                if (colon == lineStart || colon >= lineEnd) {
                    return false;
                }
                StringBuilder name = new StringBuilder();
                for (int i = lineStart; i < colon; i++) {
                    name.append((char) in.peek(i));
                }
                String n = name.toString().toLowerCase(Locale.ROOT);
                mimeField |= n.startsWith("content-") || n.equals("mime-version");
                if (++fields > limits.maxHeaderCount()) {
                    throw Failures.invalidRequest("more than " + limits.maxHeaderCount()
                            + " header fields in one MIME header block (maxHeaderCount)");
                }
            }
            offset = eol + 1;
        }
    }

    /**
     * An over-long line: inside a header block, or a first line naming a MIME field, it is a header line over the
     * limit (INVALID_REQUEST); otherwise the entity has no headers (a bare payload such as EDIFACT's "UNA:+.? '").
     */
    private static boolean refuseLongLine(MimeInput in, int start, int end, int fields, As2Limits limits) {
        int first = in.peek(start);
        boolean headerLine;
        if (first == ' ' || first == '\t') {
            headerLine = fields > 0;
        } else {
            int i = start;
            while (i < end && in.peek(i) != ':' && isTokenChar((byte) in.peek(i))) {
                i++;
            }
            StringBuilder name = new StringBuilder();
            for (int j = start; j < i; j++) {
                name.append((char) in.peek(j));
            }
            String n = name.toString().toLowerCase(Locale.ROOT);
            boolean field = i > start && i < end && in.peek(i) == ':';
            headerLine = field && (fields > 0 || n.startsWith("content-") || n.equals("mime-version"));
        }
        if (headerLine) {
            throw Failures.invalidRequest("MIME header line longer than " + limits.maxHeaderLineLength()
                    + " bytes (maxHeaderLineLength)");
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
