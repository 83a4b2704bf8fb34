package io.transferas2.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Makes the names a partner sends safe to use inside an agreement's directories.
 *
 * <p><b>File names</b> ({@link #sanitizeFileName}): only the last path segment is kept (both {@code /} and
 * {@code \} separate), the name is NFC-normalised, control and format characters (C0/C1 controls, bidi overrides,
 * zero-width characters) are removed, characters that are unsafe in S3 keys or file systems
 * ({@code \ / : * ? " < > | % # { } ^ [ ] ` ~ &} and DEL) become {@code _}, leading dots and spaces are dropped (no
 * {@code ..}, no hidden files), and the name is cut to {@value #MAX_FILE_NAME_BYTES} UTF-8 bytes keeping its extension.
 * A name that ends up empty counts as unknown.
 *
 * <p><b>Message-IDs</b> ({@link #messageIdForKey}) go into file names as AWS writes them, without angle brackets and
 * with {@code @}, {@code +}, {@code =} and {@code $} kept. Only S3's "safe" and "special handling" characters are
 * kept: letters, digits and {@code ! - _ . * ' ( ) @ + = $ ,}; anything else ({@code / \ : ;} spaces, controls,
 * non-ASCII ...) becomes {@code _}. An ID longer than {@value #MAX_MESSAGE_ID} characters is cut and ends with
 * {@code _} and 16 hex digits of its SHA-256, so distinct IDs stay distinct.
 *
 * <p>Both bounds keep {@code <name>.<messageId>.<ext>.json} within the 255-byte file-name limit of common file
 * systems (the embedded S3 server stores objects as files), well inside S3's 1024-byte keys.
 */
public final class FileNames {
    /** Longest sanitised file name, in UTF-8 bytes. */
    public static final int MAX_FILE_NAME_BYTES = 120;
    /** Longest Message-ID part of a key, in characters (all ASCII after sanitising). */
    public static final int MAX_MESSAGE_ID = 100;
    private static final String UNSAFE = "\\/:*?\"<>|%#{}^[]`~&";

    private FileNames() {
    }

    /** The partner's file name made safe, or null when nothing usable is left. */
    public static String sanitizeFileName(String raw) {
        if (raw == null) {
            return null;
        }
        String name = raw;
        int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (cut >= 0) {
            name = name.substring(cut + 1);
        }
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder sb = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if (cp < 0x80 && UNSAFE.indexOf(cp) >= 0 || cp == 0x7f) {
                sb.append('_');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        String clean = sb.toString().strip();
        int start = 0;
        while (start < clean.length() && (clean.charAt(start) == '.' || clean.charAt(start) == ' ')) {
            start++;
        }
        clean = clean.substring(start);
        if (clean.isEmpty()) {
            return null;
        }
        return shorten(clean);
    }

    private static String shorten(String name) {
        if (utf8(name) <= MAX_FILE_NAME_BYTES) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = ext.isEmpty() ? name : name.substring(0, dot);
        int budget = MAX_FILE_NAME_BYTES - utf8(ext);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int size = utf8(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return kept + ext;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The Message-ID as it appears in keys: no angle brackets, unsafe characters as {@code _}, bounded. */
    public static String messageIdForKey(String messageId) {
        String id = stripAngles(messageId);
        StringBuilder sb = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!-_.*'()@+=$,".indexOf(c) >= 0;
            sb.append(safe ? c : '_');
        }
        String s = sb.toString();
        if (s.length() > MAX_MESSAGE_ID) {
            s = s.substring(0, MAX_MESSAGE_ID - 17) + "_" + sha256Hex(id).substring(0, 16);
        }
        return s.isEmpty() || s.chars().allMatch(ch -> ch == '.') ? "_" + s : s;
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID without surrounding white space and angle brackets, as AWS writes it in status files. */
    public static String stripAngles(String messageId) {
        String id = messageId == null ? "" : messageId.strip();
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        return id.strip();
    }

    /** {@code name.ext} with {@code infix} before the last extension: {@code name.infix.ext}, or {@code name.infix}. */
    public static String insertBeforeExtension(String name, String infix) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return name + "." + infix;
        }
        return name.substring(0, dot) + "." + infix + name.substring(dot);
    }
}
