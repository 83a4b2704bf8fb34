package io.transferas2.as2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/** Writes header blocks, boundaries and base64 bodies the way every AS2 peer reads them: CRLF line ends. */
final class MimeWriter {
    static final byte[] CRLF = {'\r', '\n'};
    private static final SecureRandom RANDOM = new SecureRandom();

    private MimeWriter() {
    }

    static void writeHeaders(OutputStream out, Map<String, String> headers) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static void writeAscii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A boundary that cannot occur in base64 or in our headers. */
    static String newBoundary() {
        byte[] r = new byte[16];
        RANDOM.nextBytes(r);
        return "----=_Part_" + HexFormat.of().formatHex(r);
    }

    /**
     * A base64 encoder (76 columns, CRLF between lines, none after the last, exactly as javamail writes it: as2-lib
     * recomputes the MIC by re-encoding the decoded part, so any other layout breaks its MIC) whose close() leaves
     * {@code out} open.
     */
    static OutputStream base64(OutputStream out) {
        return Base64.getMimeEncoder().wrap(OutputStreams.nonClosing(out));
    }

    /** Encodes a small byte array as base64 lines of 76 characters, each ending in CRLF. */
    static String base64Lines(byte[] data) {
        String s = Base64.getMimeEncoder().encodeToString(data);
        return s.isEmpty() ? "" : s + "\r\n";
    }

    /** A filename as a quoted Content-Disposition parameter; non-ASCII names also get RFC 2231 {@code filename*}. */
    static String dispositionFilename(String filename) {
        boolean ascii = filename.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        if (ascii) {
            return "attachment; filename=" + HeaderValue.quote(filename);
        }
        StringBuilder enc = new StringBuilder();
        for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_') {
                enc.append((char) c);
            } else {
                enc.append('%').append(String.format("%02X", c));
            }
        }
        String fallback = filename.replaceAll("[^\\x20-\\x7e]", "_");
        return "attachment; filename=" + HeaderValue.quote(fallback) + "; filename*=UTF-8''" + enc;
    }
}
