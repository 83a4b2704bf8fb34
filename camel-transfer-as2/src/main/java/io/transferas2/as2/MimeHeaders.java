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
        String name = HeaderValue.parse(v).param("filename");
        return name == null || name.isBlank() ? null : name;
    }
}
