package io.transferas2.store;

import java.time.Instant;
import java.util.Set;

/**
 * What the console's transfer list is narrowed to. Every field is optional (null or empty: no condition). Partner
 * filters are resolved by the caller into the connectors (outbound) and the AS2-From / agreement IDs (inbound) that
 * belong to the partner.
 *
 * @param direction    INBOUND, OUTBOUND or null for both
 * @param status       a status (QUEUED, IN_PROGRESS, PROCESSING, COMPLETED, FAILED) or null
 * @param from         oldest time included, or null
 * @param to           newest time excluded, or null
 * @param fileName     the file name (inbound) or the last segment of the file path (outbound), exactly
 * @param messageId    the AS2 Message-ID, without angle brackets
 * @param transferId   an outbound TransferId (inbound rows have none)
 * @param connectorIds outbound rows of these connectors only, when not null
 * @param as2Ids       inbound rows whose AS2-From is one of these, when not null
 */
public record TransferFilter(Direction direction, String status, Instant from, Instant to, String fileName,
                             String messageId, String transferId, Set<String> connectorIds, Set<String> as2Ids) {

    /** Which way a transfer went. */
    public enum Direction { INBOUND, OUTBOUND }

    /** No condition: every transfer. */
    public static TransferFilter all() {
        return new TransferFilter(null, null, null, null, null, null, null, null, null);
    }

    boolean includes(Direction d) {
        if (direction != null && direction != d) {
            return false;
        }
        if (d == Direction.INBOUND) {
            return transferId == null && (as2Ids == null || !as2Ids.isEmpty());
        }
        return connectorIds == null || !connectorIds.isEmpty();
    }
}
