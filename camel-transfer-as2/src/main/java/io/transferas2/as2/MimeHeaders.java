package io.transferas2.as2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An ordered header block with case-insensitive lookup; values are unfolded. */
final class MimeHeaders {
    static final MimeHeaders NONE = new MimeHeaders(List.of());

    private final List<Map.Entry<String, String>> fields;

    MimeHeaders(List<Map.Entry<String, String>> fields) {
        this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    }

    static MimeHeaders of(Map<String, String> map) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        map.forEach((k, v) -> list.add(Map.entry(k, v)));
        return new MimeHeaders(list);
    }

    /** The first value of a field, by case-insensitive name, or null. */
    String get(String name) {
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    List<Map.Entry<String, String>> fields() {
        return fields;
    }

    /** Content-Type, or null when absent. */
    HeaderValue contentType() {
        String v = get("Content-Type");
        return v == null ? null : HeaderValue.parse(v);
    }

    /** Content-Transfer-Encoding in lower case; a missing header means binary. */
    String transferEncoding() {
        String v = get("Content-Transfer-Encoding");
        return v == null || v.isBlank() ? "binary" : v.trim().toLowerCase(Locale.ROOT);
    }

    /** The filename of Content-Disposition, or null. */
    String dispositionFilename() {
        String v = get("Content-Disposition");
        if (v == null) {
            return null;
        }
        String name = HeaderValue.parse(utf8IfValid(v)).param("filename");
        return name == null || name.isBlank() ? null : name;
    }

    /**
     * Header lines are read as ISO-8859-1, one char per byte; a value whose bytes are valid UTF-8 with non-ASCII
     * characters (a raw UTF-8 file name, as many senders write it) is decoded as UTF-8, anything else is left as is.
     */
    static String utf8IfValid(String latin1) {
        boolean nonAscii = false;
        for (int i = 0; i < latin1.length(); i++) {
            char c = latin1.charAt(i);
            if (c > 0xff) {
                return latin1;
            }
            nonAscii |= c > 0x7f;
        }
        if (!nonAscii) {
            return latin1;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return latin1;
        }
    }
}
