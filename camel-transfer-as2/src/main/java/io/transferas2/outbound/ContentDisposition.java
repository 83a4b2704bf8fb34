package io.transferas2.outbound;

import java.nio.charset.StandardCharsets;

/**
 * The HTTP {@code Content-Disposition} of a sent file: {@code attachment; filename="po.edi"}. A non-ASCII name is
 * also given as RFC 6266/5987 {@code filename*=UTF-8''...}, with an ASCII fallback in {@code filename}.
 */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder sb = new StringBuilder("attachment; filename=\"").append(ascii).append('"');
        if (!filename.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            sb.append("; filename*=UTF-8''");
            for (byte b : filename.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                    sb.append((char) c);
                } else {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
                }
            }
        }
        return sb.toString();
    }
}
