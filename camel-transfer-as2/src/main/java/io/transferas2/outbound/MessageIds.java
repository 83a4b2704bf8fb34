package io.transferas2.outbound;

import java.util.UUID;

/**
 * AS2 Message-IDs in AWS's shape, {@code <uuid>@<domain>}. AWS's domain part is 16 hex characters; by default we take
 * the connector ID's 17 hex characters less the last, so the IDs of one connector are recognisable and stable across
 * restarts. The angle brackets are added on the wire only.
 */
public final class MessageIds {
    private MessageIds() {
    }

    /** A new Message-ID without angle brackets. */
    public static String next(String domain, String connectorId) {
        return UUID.randomUUID() + "@" + (domain != null ? domain : defaultDomain(connectorId));
    }

    /** The domain used when none is configured: 16 hex characters from the connector ID. */
    public static String defaultDomain(String connectorId) {
        String hex = connectorId == null ? "" : connectorId.replaceFirst("^c-", "");
        return hex.matches("[0-9a-f]{16,}") ? hex.substring(0, 16) : "transfer-as2";
    }

    /** The ID without surrounding angle brackets and spaces. */
    public static String bare(String messageId) {
        String t = messageId.trim();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }
}
