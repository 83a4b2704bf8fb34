package io.transferas2.outbound;

import java.util.Locale;
import java.util.Map;

import io.transferas2.model.PreserveContentType;

/**
 * The Content-Type a connector announces for a file. An explicit content type wins; with PreserveContentType ENABLED
 * the stored object's content type is used; otherwise the file extension decides (AWS maps by extension but does not
 * publish its table, so this one is ours):
 * <table>
 * <caption>Extension to Content-Type</caption>
 * <tr><th>extension</th><th>Content-Type</th></tr>
 * <tr><td>.x12, .edi</td><td>application/EDI-X12</td></tr>
 * <tr><td>.edifact</td><td>application/EDIFACT</td></tr>
 * <tr><td>.xml</td><td>application/xml</td></tr>
 * <tr><td>anything else, or none</td><td>application/octet-stream</td></tr>
 * </table>
 * Extensions compare case-insensitively.
 */
public final class ContentTypes {
    /** The Content-Type of files whose extension the table does not know. */
    public static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "x12", "application/EDI-X12",
            "edi", "application/EDI-X12",
            "edifact", "application/EDIFACT",
            "xml", "application/xml");

    private ContentTypes() {
    }

    /**
     * @param explicit         the caller's content type, or null
     * @param sourceType       the stored object's content type, or null
     * @param preserve         the connector's PreserveContentType
     * @param filename         the file name, or null
     */
    public static String resolve(String explicit, String sourceType, PreserveContentType preserve, String filename) {
        if (usable(explicit)) {
            return explicit.trim();
        }
        if (preserve == PreserveContentType.ENABLED && usable(sourceType)) {
            return sourceType.trim();
        }
        return forFilename(filename);
    }

    /** The table's content type for a file name. */
    public static String forFilename(String filename) {
        if (filename == null) {
            return DEFAULT;
        }
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot == filename.length() - 1) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(filename.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }

    private static boolean usable(String type) {
        return type != null && !type.isBlank() && type.indexOf('\r') < 0 && type.indexOf('\n') < 0;
    }
}
