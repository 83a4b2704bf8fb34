package io.transferas2.outbound;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The HTTP {@code Content-Disposition} of a sent file: {@code attachment; filename="po.edi"}. A non-ASCII name is
 * also given as RFC 6266/5987 {@code filename*=UTF-8''...}, with an ASCII fallback in {@code filename}.
 */
final class ContentDisposition {
    private static final Pattern NOT_PRINTABLE = Pattern.compile("[^\\x20-\\x7e]");

    private ContentDisposition() {
    }

    /** Printable ASCII without a quote or backslash: goes into the quoted string as it is. */
    private static boolean plain(String filename) {
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    static String attachment(String filename) {
        if (plain(filename)) {
            // the usual case, without a regex per send
            return "attachment; filename=\"" + filename + '"';
        }
        String ascii = NOT_PRINTABLE.matcher(filename).replaceAll("_").replace("\\", "\\\\").replace("\"", "\\\"");
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
